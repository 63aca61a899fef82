import type { TodayTiles } from '../../../shared/admin/today.js';
import type { FeedKind } from '../feed/feed-kinds.js';

/** The tiles of «Сегодня» in the order the manager reads them, each with the feed it opens. */
export const TILES = [
  { key: 'checkIns', bonuses: false, feed: ['checkIns'] },
  { key: 'distinctGuests', bonuses: false, feed: ['checkIns'] },
  { key: 'giftsRedeemed', bonuses: false, feed: ['gifts'] },
  // Bonuses are written off and accrued (cashback) when the order is paid; counted in bonuses, never ₽.
  { key: 'bonusesWrittenOff', bonuses: true, feed: ['payments'] },
  { key: 'cashbackAccrued', bonuses: true, feed: ['payments'] },
  { key: 'refunds', bonuses: false, feed: ['refunds'] },
] as const satisfies readonly { key: keyof TodayTiles; bonuses: boolean; feed: readonly FeedKind[] }[];

export type TileKey = (typeof TILES)[number]['key'];
