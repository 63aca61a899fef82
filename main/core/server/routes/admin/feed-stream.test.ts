import { describe, expect, it, vi } from 'vitest';
import type { TillEvent } from '../../../../../shared/events.js';
import type { TillEventListener } from '../../../events/event-bus.js';
import { feedStream } from './feed-stream.js';

/** A bus that only keeps its listeners: each `emit` is one committed event. */
function fakeBus() {
  const listeners = new Set<TillEventListener>();
  return {
    subscribe(listener: TillEventListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners,
    emit(id: number) {
      const event = { id, at: '2026-12-02T12:00:00.000Z', type: 'guest.checked_in', orderId: `order-${id}`, waiterId: null, waiterName: null, data: {} } as unknown as TillEvent;
      for (const listener of listeners) listener(event);
    },
  };
}

describe('the live feed stream', () => {
  it('drops a dashboard that stops reading once its unread events pass the bound, and lets go of them', () => {
    const bus = fakeBus();
    const limit = 64 * 1024;
    const { stream } = feedStream(bus, limit);
    let most = 0;
    // Nobody reads: a flood of events far past the bound.
    for (let id = 1; id <= 20_000; id += 1) {
      bus.emit(id);
      most = Math.max(most, stream.writableLength);
    }
    expect(most).toBeLessThan(limit + 1024);
    expect(stream.destroyed).toBe(true);
    expect(bus.listeners.size).toBe(0);
  });

  it('keeps a dashboard that reads, however many events pass', async () => {
    const bus = fakeBus();
    const { stream, stop } = feedStream(bus, 64 * 1024);
    let read = '';
    stream.on('data', (chunk: Buffer) => {
      read += chunk.toString();
    });
    for (let id = 1; id <= 2_000; id += 1) {
      bus.emit(id);
      if (id % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(stream.destroyed).toBe(false);
    expect(read.split('\nevent: till\n').length - 1).toBe(2_000);
    stop();
    expect(bus.listeners.size).toBe(0);
  });

  it('makes each event\'s text once for every open dashboard', () => {
    const bus = fakeBus();
    const dashboards = [feedStream(bus), feedStream(bus), feedStream(bus)];
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      bus.emit(7);
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      stringify.mockRestore();
    }
    for (const { stream, stop } of dashboards) {
      const text = String(stream.read());
      expect(text).toContain('id: 7\nevent: till\ndata: {"id":7,');
      expect(text.endsWith('\n\n')).toBe(true);
      stop();
    }
  });
});
