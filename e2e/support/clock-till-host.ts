import { createServer } from 'node:http';
import { createCore } from '../../main/core/create-core.js';
import { manualClock } from '../../main/core/clock.js';
import { createApp } from '../../main/core/server/create-app.js';
import { listen } from '../../main/core/server/listen.js';
import { fileSettingsStore } from '../../main/core/settings/file-settings-store.js';

/**
 * The headless till on a clock the test sets, for the e2e specs of "today" and the business day:
 * the same core and app as `npm run server`, with a `manualClock` and a second loopback port where
 * `POST /clock?at=<ISO>` moves it. Lives in e2e/: nothing of it is in the packed app.
 * Arguments: <data dir> <clock start ISO>. Prints `listening on <url>` and `clock on <url>`.
 */
const [dataDir, start] = process.argv.slice(2);
if (!dataDir || !start) throw new Error('usage: clock-till-host <data dir> <clock start ISO>');
const clock = manualClock(new Date(start));
const core = createCore({ dataDir, settingsStore: fileSettingsStore(dataDir), clock });
const listening = await listen({ app: createApp(core), activity: core.activity }, { host: '127.0.0.1', port: 0 });
const control = createServer((request, response) => {
  const at = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('at');
  const target = at === null ? Number.NaN : Date.parse(at);
  if (request.method !== 'POST' || Number.isNaN(target)) {
    response.writeHead(400).end('POST /clock?at=<ISO>');
    return;
  }
  clock.advance(target - clock.now().getTime());
  response.writeHead(204).end();
});
control.listen(0, '127.0.0.1', () => {
  const address = control.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`listening on ${listening.localUrl}`);
  console.log(`clock on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  control.close();
  void listening.close().then(() => core.close()).then(() => process.exit(0));
});
