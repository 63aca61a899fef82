import { describe, expect, it } from 'vitest';
import { ServerSettings } from '../../../shared/settings/schema.js';
import { hasSecretSegment, newSecretSegment, withNewSecretSegment, withoutSecretSegment } from './secret-path.js';

const bytes = (values: number[]) => (target: Uint8Array<ArrayBuffer>) => {
  target.set(values);
  return target;
};

describe('the secret part of the waiter address', () => {
  it('is 16 characters of 32 easy to type, in groups of four, each byte picking one evenly', () => {
    expect(newSecretSegment(bytes([0, 1, 2, 3, 31, 32, 63, 255, 10, 11, 12, 13, 24, 25, 26, 27]))).toBe('abcd-9a99-kmnp-2345');
    const seen = new Set(Array.from({ length: 200 }, () => newSecretSegment()));
    expect(seen.size).toBe(200);
    for (const secret of seen) {
      expect(secret).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(secret).not.toMatch(/[lo01]/);
    }
  });

  it('is added to the path, replaced by a new one, removed, and always makes a path the settings accept', () => {
    const withSecret = withNewSecretSegment('/GetMeBack');
    expect(withSecret).toMatch(/^\/GetMeBack\/[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(hasSecretSegment(withSecret)).toBe(true);
    expect(hasSecretSegment('/GetMeBack')).toBe(false);
    const replaced = withNewSecretSegment(`${withSecret}/`);
    expect(replaced).not.toBe(withSecret);
    expect(replaced.split('/')).toHaveLength(3);
    expect(withoutSecretSegment(replaced)).toBe('/GetMeBack');
    expect(withoutSecretSegment('/Loyalty/GetMeBack')).toBe('/Loyalty/GetMeBack');
    expect(withNewSecretSegment('')).toMatch(/^\/GetMeBack\//);
    for (const path of [withSecret, replaced, withNewSecretSegment('/Loyalty/GetMeBack')]) {
      expect(ServerSettings.shape.path.safeParse(path).success).toBe(true);
    }
  });
});
