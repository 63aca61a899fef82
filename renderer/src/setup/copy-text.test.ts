import { describe, expect, it } from 'vitest';
import { copyText } from './copy-text.js';

function recorder() {
  const copied: string[] = [];
  return {
    copied,
    shell: { copyText: async (text: string) => void copied.push(`shell:${text}`) },
    clipboard: { writeText: async (text: string) => void copied.push(`clipboard:${text}`) },
    copySelection: () => void copied.push('selection'),
  };
}

const address = 'http://192.168.1.10:3000/GetMeBack';

describe('copyText', () => {
  it('inside the desktop app uses the shell’s bridge, not the clipboard API its permission handler denies', async () => {
    const ways = recorder();
    expect(await copyText(address, ways)).toBe('shell');
    expect(ways.copied).toEqual([`shell:${address}`]);
  });

  it('in a browser uses the clipboard API, and over plain HTTP from the LAN copies the selection', async () => {
    const browser = recorder();
    expect(await copyText(address, { ...browser, shell: undefined })).toBe('clipboard');
    expect(browser.copied).toEqual([`clipboard:${address}`]);
    const lan = recorder();
    expect(await copyText(address, { ...lan, shell: undefined, clipboard: undefined })).toBe('selection');
    expect(lan.copied).toEqual(['selection']);
  });
});
