import { randomUUID } from 'node:crypto';
import { startChildServer, tillHostArgs, type ChildServer, type HostVariant } from './child-server.js';
import { checkInBody, json } from './rounds.js';

/** One check-in of `order` that must be answered 204 (or, `anyAnswer`, answered at all: a folder whose book has other waiters may refuse the bench's PIN). */
export async function checkIn(waiter: string, order: string, anyAnswer = false): Promise<void> {
  const answer = await fetch(`${waiter}/orders/${order}/checkin`, { method: 'POST', headers: json, body: checkInBody });
  const text = await answer.text();
  if (answer.status !== 204 && !anyAnswer) throw new Error(`check-in answered ${answer.status}: ${text}`);
}

/** From spawning the host to its first answered check-in (204, or any answer with `anyAnswer`), in ms; the host is left running. */
export async function coldStart(host: string | HostVariant, dataDir: string, anyAnswer = false): Promise<{ ms: number; till: ChildServer }> {
  const { script, flags, env } = typeof host === 'string' ? { script: host, flags: [], env: {} } : host;
  const began = performance.now();
  const till = await startChildServer(script, tillHostArgs(dataDir), { flags, env });
  await checkIn(`${till.url}/GetMeBack`, randomUUID(), anyAnswer);
  return { ms: Math.round(performance.now() - began), till };
}

/** The floor under any cold start on this machine, now: plain node starting bare node:http to its first 204. */
export async function bareColdStart(): Promise<number> {
  const began = performance.now();
  const bare = await startChildServer('bench/bare-http-server.ts', [], { plainNode: true });
  const answer = await fetch(bare.url, { method: 'POST', body: checkInBody });
  if (answer.status !== 204) throw new Error(`bare node:http answered ${answer.status}`);
  const ms = Math.round(performance.now() - began);
  await bare.stop();
  return ms;
}
