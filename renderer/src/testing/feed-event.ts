import type { TillEvent } from '../../../shared/events.js';

/** A feed event with only its id to tell it apart (a guest checked out, no order, no waiter): for tests of the feed's paging and merging. */
export const feedEvent = (id: number): TillEvent => ({
  id,
  at: '2026-11-29T10:00:00.000Z',
  type: 'guest.checked_out',
  orderId: null,
  waiterId: null,
  waiterName: null,
  data: { guestId: null, guestName: null },
});
