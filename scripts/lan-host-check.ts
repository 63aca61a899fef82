/**
 * `npm run check:lan` (as root; CI runs it): the till as another computer of the restaurant sees it,
 * over a real cable-like link. A network namespace with one end of a veth pair stands for an iikoFront
 * terminal or the manager's PC; the till (the bundled host, production settings) listens on the other
 * end. Checks, from inside the namespace: a terminal not yet allowed is refused with a WaiterMessage
 * naming the setting; the manager logs in from the LAN and allows it with one click; a 20 000-request
 * flood with 14 KB paths barely grows the log; 5 000 half-open connections leave /health answering
 * the till itself; 100 parallel password guesses get one check at a time; the 10th failure locks.
 * Without root (or namespaces) it says why and checks what loopback can.
 *   --quick   smaller numbers (2 000 requests, 1 000 sockets), as the vitest wrapper runs it
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { tillHostCommand, type TillHostBuild } from './till-host-command.js';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { makeLanHost, whyNoNamespaces, type LanHost } from './lan-host/netns.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const PASSWORD = 'lan-check-password';
/** The full run's numbers (the README's), or the quick run's (the vitest wrapper's). */
const SIZES = {
  full: { flood: 20_000, sockets: 5_000, holdSeconds: 10 },
  quick: { flood: 2_000, sockets: 1_000, holdSeconds: 4 },
};
type Sizes = (typeof SIZES)['full'];

interface Result {
  mode: 'namespace' | 'loopback-only';
  why?: string;
  checks: Record<string, boolean>;
  numbers: Record<string, unknown>;
}

/** Starts the headless host (scripts/till-host-command.ts) on `host`, port 0; resolves with its base URL. */
function startTill(build: TillHostBuild, host: string, dataDir: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [...tillHostCommand(build), '--host', host, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GMB_ADMIN_PASSWORD: PASSWORD },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the till did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1] });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the till exited with ${code}:\n${output}`)));
  });
}

const stopTill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Runs lan-client.ts inside the namespace; its one JSON line. */
async function fromLan(lan: LanHost, baseUrl: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('ip', ['netns', 'exec', lan.name, process.execPath, '--import', 'tsx', 'scripts/lan-host/lan-client.ts', baseUrl, ...args], {
    cwd: ROOT,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

/** GET /GetMeBack/health from this machine, from `localAddress`: status and milliseconds. */
function health(baseUrl: string, localAddress?: string): Promise<{ status: number; ms: number }> {
  const url = new URL(`${baseUrl}/GetMeBack/health`);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, localAddress, agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) * 10) / 10;
};

async function probeHealth(baseUrl: string, localAddress: string, seconds: number): Promise<{ samples: number; failed: number; p50: number; p99: number; max: number }> {
  const times: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const answer = await health(baseUrl, localAddress);
    if (answer.status === 200) times.push(answer.ms);
    else failed += 1;
    await pause(200);
  }
  return { samples: times.length + failed, failed, p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: percentile(times, 1) };
}

async function withNamespace(lan: LanHost, build: TillHostBuild, { flood: FLOOD, sockets: SOCKETS, holdSeconds: HOLD_SECONDS }: Sizes): Promise<Result> {
  const checks: Record<string, boolean> = {};
  const numbers: Record<string, unknown> = {};
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-lan-'));
  // The till's own LAN address may call its waiter API (as a plugin set up with that address
  // would): this machine's /health probe below goes out from it, not from loopback.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ schemaVersion: 3, server: { allowedRanges: [lan.tillAddress] } }));
  const { child, baseUrl } = await startTill(build, lan.tillAddress, dataDir);
  const logFile = path.join(dataDir, 'logs', 'till.log');
  try {
    const refused = await fromLan(lan, baseUrl, 'refused');
    const message = String((refused.body as { WaiterMessage?: string } | undefined)?.WaiterMessage ?? '');
    checks['a terminal not allowed gets 403 with a WaiterMessage naming its address and the setting'] =
      refused.status === 403 && message.includes(lan.hostAddress) && message.includes('«Терминалы iikoWaiter»');

    const login = await fromLan(lan, baseUrl, 'login', PASSWORD);
    const cookie = String(login.cookie).split(';')[0] ?? '';
    checks['the manager logs in from the LAN: an HttpOnly SameSite=Strict session cookie'] = login.status === 200 && /HttpOnly; SameSite=Strict/.test(String(login.cookie));
    const allow = await fromLan(lan, baseUrl, 'allow', cookie, lan.hostAddress);
    checks['with the session the manager allows the terminal; without it the API answers 401'] = allow.settings === 200 && allow.allowed === 200 && allow.withoutSession === 401;
    checks['without the session /API/settings and /Api/Settings answer 401 too'] = JSON.stringify(allow.otherCase) === JSON.stringify([401, 401]);
    checks['the allowed terminal is served'] = (await fromLan(lan, baseUrl, 'waiter')).status === 200;

    await pause(500);
    const before = statSync(logFile).size;
    const flood = await fromLan(lan, baseUrl, 'flood', String(FLOOD));
    await pause(1_000);
    const grown = statSync(logFile).size - before;
    numbers.flood = { ...flood, logGrowthBytes: grown, logGrowthPerRequest: Math.round((grown / FLOOD) * 10) / 10 };
    checks['a flood with 14 KB paths grows the log by < 200 bytes a request'] = grown < FLOOD * 200;

    await pause(3_000);
    const quiet = await probeHealth(baseUrl, lan.tillAddress, 2);
    const [attack, underAttack] = await Promise.all([fromLan(lan, baseUrl, 'slowloris', String(SOCKETS), String(HOLD_SECONDS)), pause(1_500).then(() => probeHealth(baseUrl, lan.tillAddress, HOLD_SECONDS - 2))]);
    numbers.halfOpen = { ...attack, healthQuiet: quiet, healthUnderAttack: underAttack };
    checks['/health keeps answering the till under half-open connections'] = underAttack.failed === 0 && underAttack.samples > 0;
    checks['the LAN host holds no more than 32 connections'] = Number(attack.heldAtEnd) <= 32;

    await pause(3_000);
    const guesses = await fromLan(lan, baseUrl, 'guesses', PASSWORD);
    numbers.parallelGuesses = guesses;
    checks['100 parallel password guesses: at most 10 checked'] = Number(guesses.checked) >= 1 && Number(guesses.checked) <= 10;
    const lockout = await fromLan(lan, baseUrl, 'lockout', PASSWORD);
    numbers.lockout = lockout;
    checks['after 10 wrong passwords the right one gets 429 (locked for 5 minutes)'] = lockout.rightAfterTen === 429;
  } finally {
    await stopTill(child);
    numbers.logFilesBytes = statSync(logFile).size;
    rmSync(dataDir, { recursive: true, force: true });
  }
  return { mode: 'namespace', checks, numbers };
}

/** Without namespaces: the till on loopback answers this machine, which is never limited. */
async function loopbackOnly(build: TillHostBuild, why: string): Promise<Result> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gmb-lan-'));
  const { child, baseUrl } = await startTill(build, '127.0.0.1', dataDir);
  try {
    const answers = await Promise.all(Array.from({ length: 300 }, () => health(baseUrl)));
    return { mode: 'loopback-only', why, checks: { 'this machine is served and never rate limited': answers.every((answer) => answer.status === 200) }, numbers: {} };
  } finally {
    await stopTill(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `build`: the host to check (scripts/till-host-command.ts); the vitest wrapper runs the sources, `npm run check:lan` the bundled host. */
export async function lanHostCheck(options: { quick: boolean; build?: TillHostBuild }): Promise<Result> {
  const build = options.build ?? 'sources';
  const why = whyNoNamespaces();
  if (why) {
    console.log(`LAN host check: ${why}; checking loopback only`);
    return loopbackOnly(build, why);
  }
  const lan = makeLanHost();
  const cleanUp = () => lan.remove();
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    return await withNamespace(lan, build, options.quick ? SIZES.quick : SIZES.full);
  } finally {
    cleanUp();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  lanHostCheck({ quick: process.argv.includes('--quick'), build: 'built' }).then(
    (result) => {
      console.log(JSON.stringify(result, null, 2));
      if (!Object.values(result.checks).every(Boolean)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
