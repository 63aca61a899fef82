import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { ApiError } from './client.js';
import { errorText } from './error-text.js';

describe('errorText', () => {
  it('shows the till’s own message for a refusal', () => {
    expect(errorText(new ApiError(400, 'Адрес уже разрешён', []), ru)).toBe('Адрес уже разрешён');
    expect(errorText(new ApiError(502, 'HTTP 502', []), en)).toBe('HTTP 502');
  });

  it('never shows the browser’s English: a failed fetch, or anything else, is “the till did not answer” in the chosen language', () => {
    const failedFetch = new TypeError('Failed to fetch');
    expect(errorText(failedFetch, ru)).toBe(ru.error.noAnswer);
    expect(errorText(failedFetch, ru)).not.toContain('Failed');
    expect(errorText(failedFetch, en)).toBe(en.error.noAnswer);
    for (const other of [new Error('NetworkError when attempting to fetch resource.'), 'boom', undefined, null]) {
      expect(errorText(other, ru)).toBe(ru.error.noAnswer);
    }
    expect(ru.error.noAnswer).toMatch(/не ответил/);
    expect(en.error.noAnswer).toMatch(/did not answer/);
  });
});
