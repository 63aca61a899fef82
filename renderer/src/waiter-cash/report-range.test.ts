import { describe, expect, it } from 'vitest';
import { reportRange } from './report-range.js';

describe('reportRange', () => {
  it('is the current business day when nothing is typed', () => {
    expect(reportRange('', '')).toEqual({});
  });

  it('covers one business day, or several up to and including the last one', () => {
    expect(reportRange('27.11.2026', '')).toEqual({ from: '2026-11-27', to: '2026-11-28' });
    expect(reportRange('01.11.2026', '30.11.2026')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
  });

  it('names the field that is not a date', () => {
    expect(reportRange('31.11.2026', '')).toEqual({ problem: 'dateInvalid', field: 'from' });
    expect(reportRange('27.11.2026', 'завтра')).toEqual({ problem: 'dateInvalid', field: 'to' });
  });
});
