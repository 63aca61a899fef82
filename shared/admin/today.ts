import { z } from 'zod';

const Count = z.number().int().nonnegative();
const Kopecks = z.number().int();

/** A business day as the «Сегодня» screen names it. */
export const BusinessDayPeriod = z.object({ date: z.string(), from: z.string(), to: z.string() });

/** One hour of the business day: check-ins then, and in the same hour a week before. */
export const TodayHour = z.object({
  /** The hour on the till's clock (6 for 06:00–07:00). */
  hour: z.number().int().min(0).max(23),
  checkIns: Count,
  lastWeek: Count,
});

/** GET /api/today: the tiles and the chart of the current business day (sums in kopecks). */
export const TodayResponse = z.object({
  day: BusinessDayPeriod,
  lastWeek: BusinessDayPeriod,
  now: z.string(),
  tiles: z.object({
    checkIns: Count,
    distinctGuests: Count,
    giftsRedeemed: Count,
    bonusesWrittenOff: Kopecks,
    cashbackAccrued: Kopecks,
    refunds: Count,
  }),
  /** Cash still to hand in, waiters who owe first (debt ≠ 0 only). */
  cashOutstanding: z.array(z.object({ id: z.string(), name: z.string().nullable(), debt: Kopecks })),
  hours: z.array(TodayHour),
});
export type TodayResponse = z.infer<typeof TodayResponse>;
export type TodayTiles = TodayResponse['tiles'];
