import { describe, expect, it } from 'vitest';
import { portTakenDialog } from './port-taken-dialog.js';

describe('portTakenDialog', () => {
  it('names the taken port and both ways out, in Russian by default and in English', () => {
    const ru = portTakenDialog(3000, 'ru');
    expect(ru.message).toBe('Порт 3000 занят другой программой');
    expect(ru.detail).toContain('другой порт');
    expect(ru.title).toBe('GetMeBack Till');
    expect(ru.detail).toContain('«Запустить сервер для iikoWaiter»');
    const en = portTakenDialog(3000, 'en');
    expect(en.message).toBe('Port 3000 is used by another program');
    expect(en.detail).toContain('another port');
  });
});
