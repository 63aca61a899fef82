import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildServer } from './child-server.js';
import type { FeedFigures } from './targets.js';

/**
 * Item 5 of issue 19, the open dashboard: an SSE client reads the live feed (`/api/events/stream`,
 * what the dashboard's feed listens to) while waiters check guests in to `events` new orders, each
 * a feed event. Reports the server's RSS before and after, and how many events the client read.
 */
export async function feedMemory(till: ChildServer, events: number, checkInBody: string): Promise<FeedFigures> {
  const stop = new AbortController();
  const response = await fetch(`${till.url}/api/events/stream`, { signal: stop.signal });
  if (response.status !== 200 || !response.body) throw new Error(`the feed stream answered ${response.status}`);
  let received = 0;
  const reading = (async () => {
    const decoder = new TextDecoder();
    let tail = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        const text = tail + decoder.decode(chunk, { stream: true });
        received += text.split('\nevent: till\n').length - 1;
        tail = text.slice(-16);
      }
    } catch {
      // Aborted at the end.
    }
  })();
  const rssBefore = till.rssMiB();
  const result = await autocannon({
    url: `${till.url}/GetMeBack`,
    connections: 16,
    amount: events,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: checkInBody, setupRequest: (req) => ({ ...req, path: `/GetMeBack/orders/${randomUUID()}/checkin` }) }],
  });
  const until = performance.now() + 30_000;
  while (received < events && performance.now() < until) await sleep(50);
  const rssAfter = till.rssMiB();
  stop.abort();
  await reading;
  return { events, received, errors: result.errors + result.timeouts + result.non2xx, rssBefore, rssAfter, rssQuiet: null };
}
