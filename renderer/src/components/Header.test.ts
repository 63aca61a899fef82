import { describe, expect, it } from 'vitest';
import { outboxNote } from './Header.js';

describe('outboxNote', () => {
  it('counts the operations waiting for the cloud the language’s way', () => {
    expect(outboxNote(12_500, 'ru')).toBe(' · ждут отправки: 12\u00a0500');
    expect(outboxNote(12_500, 'en')).toBe(' · waiting to be sent: 12,500');
    expect(outboxNote(3, 'ru')).toBe(' · ждут отправки: 3');
  });

  it('says nothing when nothing waits', () => {
    expect(outboxNote(0, 'ru')).toBe('');
  });
});
