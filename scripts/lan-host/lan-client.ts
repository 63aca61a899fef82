/**
 * Runs inside the network namespace (`ip netns exec NS node --import tsx lan-client.ts …`): the other
 * computer of the restaurant. Prints one JSON line with what it saw.
 *   lan-client.ts <baseUrl> refused | login <password> | allow <cookie> <address> | waiter
 *                 | flood <count> | slowloris <sockets> <seconds> | guesses <password> | lockout <password>
 */
import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';

const [baseUrl = '', scenario = '', ...rest] = process.argv.slice(2);
const ORDER = '/GetMeBack/orders/0b7e7a5c-1f1e-4c55-9a55-1b2b3c4d5e6f';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

function call(method: string, path: string, options: { body?: string; headers?: Record<string, string>; agent?: Agent } = {}): Promise<Answer> {
  const url = new URL(baseUrl + path);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method, headers: options.headers, agent: options.agent ?? false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'content-type': 'application/json' };
const login = (password: string) => call('POST', '/api/session', { body: JSON.stringify({ password }), headers: json });
const tally = (statuses: number[]) => statuses.reduce<Record<string, number>>((all, status) => ({ ...all, [status]: (all[status] ?? 0) + 1 }), {});

async function flood(count: number): Promise<object> {
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const path = `/GetMeBack/${'a'.repeat(14_000)}`;
  const statuses: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < count) {
        next += 1;
        try {
          statuses.push((await call('GET', path, { agent })).status);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  agent.destroy();
  return { requests: count, seconds: Math.round((performance.now() - started) / 100) / 10, statuses: tally(statuses), errors };
}

/** Opens `count` half-open connections (headers never finished), holds them `seconds`, then closes them all. */
async function slowloris(count: number, seconds: number): Promise<object> {
  const url = new URL(baseUrl);
  const sockets: Socket[] = [];
  let closedByTill = 0;
  let refusedAtOnce = 0;
  for (let i = 0; i < count; i += 1) {
    const opened = performance.now();
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.write('GET /GetMeBack/health HTTP/1.1\r\nHost: till\r\nX-Slow: '));
    socket.on('error', () => {});
    socket.on('close', () => {
      closedByTill += 1;
      if (performance.now() - opened < 1_000) refusedAtOnce += 1;
    });
    socket.resume();
    sockets.push(socket);
    if (i % 200 === 199) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const heldAtEnd = sockets.filter((socket) => !socket.destroyed).length;
  for (const socket of sockets) socket.destroy();
  return { opened: count, refusedAtOnce, closedByTill, heldAtEnd };
}

async function main(): Promise<object> {
  switch (scenario) {
    case 'refused':
    case 'waiter': {
      const answer = await call('GET', ORDER);
      return { status: answer.status, body: JSON.parse(answer.text) as unknown };
    }
    case 'login': {
      const answer = await login(rest[0] ?? '');
      return { status: answer.status, cookie: String(answer.headers['set-cookie']?.[0] ?? '') };
    }
    case 'allow': {
      const [cookie = '', address = ''] = rest;
      const settings = await call('GET', '/api/settings', { headers: { cookie } });
      const allowed = await call('POST', '/api/setup/allowed-callers', { body: JSON.stringify({ address }), headers: { ...json, cookie } });
      const withoutSession = await call('GET', '/api/settings');
      // The same API in another letter case is not a way around the session.
      const otherCase = await Promise.all(['/API/settings', '/Api/Settings'].map((path) => call('GET', path).then((answer) => answer.status)));
      return { settings: settings.status, allowed: allowed.status, withoutSession: withoutSession.status, otherCase };
    }
    case 'flood':
      return flood(Number(rest[0] ?? 20_000));
    case 'slowloris':
      return slowloris(Number(rest[0] ?? 5_000), Number(rest[1] ?? 10));
    case 'guesses': {
      // Past 32 connections from this address the till closes them at once: status 0 here.
      const statuses = await Promise.all(
        Array.from({ length: 100 }, (_, i) => login(i === 50 ? (rest[0] ?? '') : `guess-${i}`).then((answer) => answer.status, () => 0)),
      );
      return { statuses: tally(statuses), checked: statuses.filter((status) => status === 200 || status === 401).length };
    }
    case 'lockout': {
      const wrong = [];
      for (let i = 0; i < 10; i += 1) wrong.push((await login(`wrong-${i}`)).status);
      const right = await login(rest[0] ?? '');
      return { wrong: tally(wrong), rightAfterTen: right.status, retryAfter: right.headers['retry-after'] };
    }
    default:
      throw new Error(`unknown scenario ${scenario}`);
  }
}

main().then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    process.exitCode = 1;
  },
);
