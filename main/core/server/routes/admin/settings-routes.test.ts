import { describe, expect, it } from 'vitest';
import { AdminProblem } from '../../../../../shared/admin/problem.js';
import { SettingsResponse, SettingsSaved } from '../../../../../shared/admin/settings.js';
import { useTill } from '../../../testing/waiter-steps.js';

const t = useTill('test');

describe('the settings API answers as shared/admin says', () => {
  it('reads and saves settings in the shapes the dashboard parses', async () => {
    const { till } = t;
    const read = await till.http('GET', '/api/settings');
    expect(SettingsResponse.parse(read.body).settings.adminPasswordSet).toBe(false);
    const saved = await till.http('PUT', '/api/settings', { language: 'en' });
    expect(saved.status).toBe(200);
    expect(SettingsSaved.parse(saved.body).changedKeys).toEqual(['language']);
  });

  it('refuses a bad value with the admin error body: Message, Errors by field, RequestId', async () => {
    const { till } = t;
    const refused = await till.http('PUT', '/api/settings', { language: 'de' });
    expect(refused.status).toBe(400);
    const problem = AdminProblem.parse(refused.body);
    expect(problem.Errors?.map((e) => e.Field)).toEqual(['language']);
    expect(problem.RequestId).toBe(refused.headers.get('x-request-id'));
  });

  it('says what is wrong with the business day\'s hour in the manager\'s language only', async () => {
    const { till } = t;
    const messageFor = async (value: unknown) => AdminProblem.parse((await till.http('PUT', '/api/settings', { businessDayStartHour: value })).body).Errors?.[0];
    expect(await messageFor(24)).toEqual({ Field: 'businessDayStartHour', Message: 'Не больше 23' });
    expect(await messageFor(-1)).toEqual({ Field: 'businessDayStartHour', Message: 'Не меньше 0' });
    expect((await messageFor(6.5))?.Message).toMatch(/целое/);
    await till.http('PUT', '/api/settings', { language: 'en' });
    expect((await messageFor(24))?.Message).toMatch(/23/);
    expect((await messageFor(24))?.Message).not.toMatch(/[а-яё]/i);
  });
});
