import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { savedNameNote } from './WaiterHistory.js';

describe('savedNameNote', () => {
  it('confirms a saved name in a few words', async () => {
    expect(await savedNameNote(async () => undefined, ru)).toEqual({ tone: 'ok', text: 'Имя сохранено.' });
    expect(await savedNameNote(async () => undefined, en)).toEqual({ tone: 'ok', text: 'Name saved.' });
  });

  it('says why a name was not saved: the till’s words, or that it did not answer — never the browser’s', async () => {
    const refused = await savedNameNote(() => Promise.reject(new ApiError(400, 'Имя не длиннее 64 символов', [])), ru);
    expect(refused).toEqual({ tone: 'error', text: 'Имя не длиннее 64 символов' });
    const unanswered = await savedNameNote(() => Promise.reject(new TypeError('Failed to fetch')), ru);
    expect(unanswered).toEqual({ tone: 'error', text: ru.error.noAnswer });
  });
});
