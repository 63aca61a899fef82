import { describe, expect, it } from 'vitest';
import type { EventsResponse } from '../../../../../shared/admin/feed.js';
import { newOrderId, useTill } from '../../../testing/waiter-steps.js';

const t = useTill('file');
const ids = async (query: string) => (await t.till.http<EventsResponse>('GET', `/api/events${query}`)).body.events.map((event) => event.id);

describe('GET /api/events pages the feed both ways (the dashboard keeps only a window of it)', () => {
  it('before=<id> gives the older page, after=<id> the page just newer, both newest first', async () => {
    for (let n = 0; n < 12; n += 1) await t.steps.checkIn(newOrderId(), 'GMB-G-1001');
    const all = await ids('?limit=500');
    expect(all.length).toBeGreaterThanOrEqual(12);
    const [newest, , , , fourth] = all;
    expect(await ids(`?limit=3&before=${fourth}`)).toEqual(all.slice(5, 8));
    // Paging back towards the newest: the three events right after the 9th newest, not the newest three.
    const ninth = all[8];
    expect(await ids(`?limit=3&after=${ninth}`)).toEqual(all.slice(5, 8));
    expect(await ids(`?limit=3&after=${all[1]}`)).toEqual([newest]);
    expect(await ids(`?limit=3&after=${newest}`)).toEqual([]);
    expect(await ids(`?limit=5&after=${ninth}&before=${fourth}`)).toEqual(all.slice(5, 8));
    expect((await t.till.http('GET', '/api/events?after=-1')).status).toBe(400);
  });
});
