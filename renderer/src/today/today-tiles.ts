import type { TodayTiles } from '../../../shared/admin/today.js';
import type { FeedKind } from '../feed/feed-kinds.js';

/** The tiles of «Сегодня» in the order the manager reads them, each with the feed it opens. */
export const TILES = [
  { key: 'checkIns', money: false, feed: ['checkIns'] },
  { key: 'distinctGuests', money: false, feed: ['checkIns'] },
  { key: 'giftsRedeemed', money: false, feed: ['gifts'] },
  // Bonuses are written off and cashback accrued when the order is paid.
  { key: 'bonusesWrittenOff', money: true, feed: ['payments'] },
  { key: 'cashbackAccrued', money: true, feed: ['payments'] },
  { key: 'refunds', money: false, feed: ['refunds'] },
] as const satisfies readonly { key: keyof TodayTiles; money: boolean; feed: readonly FeedKind[] }[];

export type TileKey = (typeof TILES)[number]['key'];
