import { describe, expect, it } from 'vitest';
import { systemClock } from '../../clock.js';
import type { Outbox, PendingCall } from '../../ledger/outbox.js';
import { silentLogger } from '../../logger.js';
import { eventually } from '../../testing/cloud-test-kit.js';
import { CloudUnreachableError, type GetMeBackClient } from './cloud-client.js';
import type { CloudConnection } from './cloud-connection.js';
import { OutboxCourier } from './outbox-courier.js';

/** Holds the event loop for `ms`, as a slow query of the outbox does on a busy till. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

/**
 * One guest's single call, kept in memory. Once the call has failed, `next` takes `queryMs` when
 * the guest is held back, except inside a commit (the pick made with the failure's own commit): so
 * the guest's wait runs out during the courier's own pick, between its pick and its pause.
 */
function slowOutbox(queryMs: number) {
  const call: PendingCall = { id: 1, key: 'op-1', kind: 'payment', guestId: 'g-1', body: { type: 'payment' }, attempts: 0 };
  let delivered = false;
  let committing = false;
  const outbox = {
    next(busy: Iterable<string> = []): PendingCall | null {
      if (delivered) return null;
      if ([...busy].includes(call.guestId)) {
        if (call.attempts > 0 && !committing) busyFor(queryMs);
        return null;
      }
      return call;
    },
    markSending: () => undefined,
    together: <T>(work: () => T): T => {
      committing = true;
      try {
        return work();
      } finally {
        committing = false;
      }
    },
    markDelivered: () => {
      delivered = true;
    },
    markFailed: () => {
      call.attempts += 1;
    },
    markRefused: () => false,
  };
  return { outbox: outbox as unknown as Outbox, isDelivered: () => delivered };
}

describe('the outbox courier', () => {
  it('sends a guest’s call again when its wait ran out while the courier was still picking', async () => {
    const { outbox, isDelivered } = slowOutbox(40);
    let sends = 0;
    const client = {
      ask: () => {
        sends += 1;
        // The first send never reaches the cloud; the guest waits 20 ms, the second is acknowledged.
        return sends === 1 ? Promise.reject(new CloudUnreachableError('connection refused', true)) : Promise.resolve({ result: 'ok' });
      },
    } as unknown as GetMeBackClient;
    const connection = { refused: () => undefined } as unknown as CloudConnection;
    const timing = { deliveryTimeoutMs: 1000, firstRetryMs: 20, maxRetryMs: 20, refusalsBeforeParking: 5, deliveriesInFlight: 4 };
    const courier = new OutboxCourier(outbox, client, connection, systemClock, silentLogger(), timing, () => undefined);
    courier.start();
    try {
      // Without counting the pause from the pick, the courier saw no wait left and slept for good.
      await eventually(() => isDelivered(), 'the call to be sent again and acknowledged', 3000);
      expect(sends).toBe(2);
    } finally {
      await courier.close();
    }
  });
});
