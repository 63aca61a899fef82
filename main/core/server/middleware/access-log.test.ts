import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Context } from 'koa';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, infoLineWriter, logWritten, type Logger } from '../../logger.js';
import { RefusalTally } from '../../refusal-tally.js';
import { accessLog } from './request-context.js';

let dir = '';
const tallies: RefusalTally[] = [];
afterEach(() => {
  for (const tally of tallies.splice(0)) tally.close();
  rmSync(dir, { recursive: true, force: true });
});

function logged(level = 'info'): { logger: Logger; lines: () => string[] } {
  dir = mkdtempSync(path.join(tmpdir(), 'gmb-access-'));
  const logger = createLogger({ logDir: dir, level });
  return { logger, lines: () => readFileSync(path.join(dir, 'till.log'), 'utf8').trim().split('\n').filter(Boolean) };
}

/** A request as the access log sees it once the answer is decided. */
function request(status: number, address: string | undefined): Context {
  return { state: { requestId: '0a1b2c3d' }, method: 'POST', path: '/GetMeBack/orders/"quoted"\\back/checkin', status, socket: { remoteAddress: address } } as unknown as Context;
}

async function serve(logger: Logger, ctx: Context): Promise<void> {
  const tally = new RefusalTally(logger);
  tallies.push(tally);
  await accessLog(logger, tally)(ctx, async () => {});
}

describe('the access line written as text (issue 19)', () => {
  it("is, byte for byte but the time, the line pino writes for the same fields", async () => {
    const { logger, lines } = logged();
    await serve(logger, request(204, '::ffff:192.168.0.21'));
    await serve(logger, request(500, undefined));
    await logWritten(logger);
    const [fast, noAddress] = lines().map((text) => JSON.parse(text) as Record<string, unknown>);
    // The same fields through pino, as the access log wrote them before.
    const access = logger.child({}, { redact: { paths: [] } });
    access.info({ requestId: '0a1b2c3d', method: 'POST', path: fast?.path, status: 204, ms: fast?.ms, ip: '::ffff:192.168.0.21' }, 'request');
    access.info({ requestId: '0a1b2c3d', method: 'POST', path: noAddress?.path, status: 500, ms: noAddress?.ms, ip: undefined }, 'request');
    await logWritten(logger);
    const [mine, mineNoAddress, pinos, pinosNoAddress] = lines().map((text) => text.replace(/"time":\d+/, '"time":0'));
    expect(mine).toBe(pinos);
    expect(mineNoAddress).toBe(pinosNoAddress);
    expect(fast).toMatchObject({ level: 30, msg: 'request', path: '/GetMeBack/orders/"quoted"\\back/checkin', ip: '::ffff:192.168.0.21' });
    expect(Object.keys(fast ?? {})).toEqual(['level', 'time', 'pid', 'hostname', 'requestId', 'method', 'path', 'status', 'ms', 'ip', 'msg']);
  });

  it("goes past pino's per-line work: no child's info() called for it", async () => {
    const { logger, lines } = logged();
    let throughPino = 0;
    const child = logger.child.bind(logger);
    logger.child = ((...args: Parameters<Logger['child']>) => {
      const made = child(...args);
      made.info = (() => {
        throughPino += 1;
      }) as unknown as typeof made.info;
      return made;
    }) as Logger['child'];
    await serve(logger, request(204, '127.0.0.1'));
    await logWritten(logger);
    expect(throughPino).toBe(0);
    expect(lines()).toHaveLength(1);
  });

  it('follows the logger level, and is not used for a logger with other destinations', async () => {
    const { logger, lines } = logged('warn');
    await serve(logger, request(204, '127.0.0.1'));
    logger.warn('a warning');
    await logWritten(logger);
    expect(lines().map((text) => (JSON.parse(text) as { msg: string }).msg)).toEqual(['a warning']);
    expect(infoLineWriter(createLogger({ logDir: dir, stdout: true }))).toBeNull();
    expect(infoLineWriter(createLogger({}))).toBeNull();
  });
});
