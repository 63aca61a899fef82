import { z } from 'zod';
import type { TillEvent } from '../events.js';
import { OrderView } from '../wire/order-view.js';

/** GET /api/events: the feed's history, newest first (each event typed by shared/events.ts). */
export const EventsResponse = z.object({ events: z.array(z.custom<TillEvent>((value) => typeof value === 'object' && value !== null)) });
export type EventsResponse = z.infer<typeof EventsResponse>;

/** An open order on the cashier's screen: as the waiter app sees it (wire roubles inside), with its last change. */
export const OpenOrder = OrderView.extend({ UpdatedAt: z.string() });
export type OpenOrder = z.infer<typeof OpenOrder>;

/**
 * GET /api/orders (`?stale=1`: the orders idle past `staleOrderHours`; `&q=`: those whose id or
 * guest's name holds the text); `staleCount`: how many orders are idle, for the screen's tab.
 */
export const OrdersResponse = z.object({ orders: z.array(OpenOrder), staleCount: z.number().int().nonnegative() });
export type OrdersResponse = z.infer<typeof OrdersResponse>;
