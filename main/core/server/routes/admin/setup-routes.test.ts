import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OrdersResponse } from '../../../../../shared/admin/feed.js';
import { LanReachabilityResponse } from '../../../../../shared/admin/lan-reachability.js';
import { SetupResponse, StatusResponse } from '../../../../../shared/admin/status.js';
import { useTill } from '../../../testing/waiter-steps.js';

const t = useTill('test');

describe('status, setup and orders answer as shared/admin says', () => {
  it('parses with the schemas the dashboard imports, and reports where the till listens', async () => {
    const { till } = t;
    const status = StatusResponse.parse((await till.http('GET', '/api/status')).body);
    expect(status.listening).toEqual({ host: '127.0.0.1', port: Number(new URL(till.baseUrl).port) });
    expect(status.lastWaiterRequestAt).toBeNull();
    await till.waiter('GET', '/health');
    const setup = SetupResponse.parse((await till.http('GET', '/api/setup')).body);
    expect(setup.lastWaiterRequestAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(setup.checklist.map((item) => item.id)).toContain('serverAddress');
    expect(OrdersResponse.parse((await till.http('GET', '/api/orders')).body).orders).toEqual([]);
  });

  it('answers the LAN check as shared/admin says, and its answer ticks the checklist’s line', async () => {
    const { till } = t;
    const answer = await till.http('GET', '/api/setup/lan-reachability');
    expect(answer.status).toBe(200);
    // The test till listens on 127.0.0.1: not reachable from the LAN, and told so without trying.
    expect(LanReachabilityResponse.parse(answer.body)).toMatchObject({ verdict: 'loopbackOnly', port: Number(new URL(till.baseUrl).port), addresses: [] });
    const setup = SetupResponse.parse((await till.http('GET', '/api/setup')).body);
    expect(setup.checklist.find((item) => item.id === 'lanReachable')).toEqual({ id: 'lanReachable', done: false, optional: false, demo: false });
  });
});

describe('the last backup on the setup screen', () => {
  it('is null on a new till, then the newest copy with its size, and a failure after it is told', async () => {
    const { till } = t;
    const before = SetupResponse.parse((await till.http('GET', '/api/setup')).body);
    expect(before.backup).toEqual({ last: null, failedAt: null });

    const taken = await till.core.backups.backUp('manual');
    const after = SetupResponse.parse((await till.http('GET', '/api/setup')).body);
    expect(after.backup.last).toEqual(taken);
    expect(after.backup.last?.sizeBytes).toBeGreaterThan(0);

    // A second folder that cannot be made (a file stands where it should be): the backup fails, and the screen says when.
    const blocker = path.join(till.dataDir, 'not-a-folder');
    writeFileSync(blocker, '');
    till.core.settings.update({ backups: { secondFolder: path.join(blocker, 'backups') } });
    expect(await till.core.backups.backUp('manual')).toBeNull();
    const failed = SetupResponse.parse((await till.http('GET', '/api/setup')).body);
    expect(failed.backup.failedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    till.core.settings.update({ backups: { secondFolder: '' } });
  });
});
