import { PassThrough } from 'node:stream';
import type { TillEvent } from '../../../../../shared/events.js';
import type { EventBus } from '../../../events/event-bus.js';

/**
 * Feed bytes a dashboard may leave unread on the server before its stream is closed. A dashboard
 * that stops reading (a laptop asleep on the LAN with its connection still open) would otherwise
 * keep every event of the evening in the till's memory. Closed, it reconnects when it wakes and
 * fetches the feed's newest page (renderer/src/live/live-events.ts), so nothing is lost to it.
 */
export const FEED_UNREAD_LIMIT_BYTES = 1024 * 1024;

const HEARTBEAT_MS = 15_000;

/** Each event's SSE text, made once however many dashboards are open, and let go with the event. */
const sseTexts = new WeakMap<TillEvent, string>();

export function sseTextOf(event: TillEvent): string {
  let text = sseTexts.get(event);
  if (text === undefined) {
    text = `id: ${event.id}\nevent: till\ndata: ${JSON.stringify(event)}\n\n`;
    sseTexts.set(event, text);
  }
  return text;
}

/**
 * The server-sent events of the live feed for one dashboard, until it goes, falls too far behind, or
 * — a dashboard on another computer — its admin session ends (`stillAllowed`, asked before each
 * line and heartbeat: a logout or a new password stops what the session opened, within a heartbeat
 * at the latest, and nothing after it is sent).
 */
export function feedStream(
  events: Pick<EventBus, 'subscribe'> & Partial<Pick<EventBus, 'onSignal'>>,
  unreadLimitBytes = FEED_UNREAD_LIMIT_BYTES,
  stillAllowed: () => boolean = () => true,
): { stream: PassThrough; stop: () => void } {
  const stream = new PassThrough();
  const send = (text: string) => {
    if (!stillAllowed()) stop();
    else if (stream.writableLength <= unreadLimitBytes) stream.write(text);
    else {
      // Dropped, not ended: an end would wait behind the unread bytes, holding them.
      stop();
      stream.destroy();
    }
  };
  stream.write('retry: 2000\n\n');
  const unsubscribe = events.subscribe((event: TillEvent) => send(sseTextOf(event)));
  // Live signals (the outbox draining) are named by their type: never a line of the feed.
  const unhear = events.onSignal?.((signal) => send(`event: ${signal.type}\ndata: ${JSON.stringify(signal.data)}\n\n`));
  const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
  let stopped = false;
  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unsubscribe();
    unhear?.();
    stream.end();
  }
  return { stream, stop };
}
