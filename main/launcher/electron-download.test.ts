import { describe, expect, it } from 'vitest';
import { missingBinaryReason, parseElectronDownload } from './electron-download.js';

describe('the record of npm ci’s Electron download', () => {
  it('reads each outcome, and treats a missing or broken record as none', () => {
    expect(parseElectronDownload('{"outcome":"timed-out","seconds":120}')).toEqual({ outcome: 'timed-out', seconds: 120 });
    expect(parseElectronDownload('{"outcome":"failed","detail":"TypeError: fetch failed"}')).toEqual({ outcome: 'failed', detail: 'TypeError: fetch failed' });
    expect(parseElectronDownload('{"outcome":"installed"}')).toEqual({ outcome: 'installed' });
    expect(parseElectronDownload(null)).toBeNull();
    expect(parseElectronDownload('not json')).toBeNull();
    expect(parseElectronDownload('{"outcome":"maybe"}')).toBeNull();
  });

  it('says a timeout is a timeout, not "headless", and how to finish the download', () => {
    const reason = missingBinaryReason({ outcome: 'timed-out', seconds: 120 });
    expect(reason).toContain('did not finish within 120 s');
    expect(reason).toContain('`node scripts/install-electron-binary.mjs`');
    expect(missingBinaryReason({ outcome: 'failed', detail: 'TypeError: fetch failed' })).toContain('failed during npm ci (TypeError: fetch failed)');
    expect(missingBinaryReason({ outcome: 'skipped' })).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(missingBinaryReason(null)).toContain('not installed');
  });
});
