import { describe, expect, it } from 'vitest';
import { progressDisplay } from '../../../renderer/features/export/export-progress';

describe('the whole-table export progress bar', () => {
  it('only shows activity and counts rows when there is no estimate', () => {
    expect(progressDisplay({ rowsDone: 0, total: null })).toEqual({ fraction: null, label: '0 rows' });
    expect(progressDisplay({ rowsDone: 12_345, total: null })).toEqual({ fraction: null, label: '12,345 rows' });
  });

  it('treats an estimate of zero (or nonsense) as no estimate', () => {
    expect(progressDisplay({ rowsDone: 40, total: 0 })).toEqual({ fraction: null, label: '40 rows' });
    expect(progressDisplay({ rowsDone: 40, total: -1 })).toEqual({ fraction: null, label: '40 rows' });
    expect(progressDisplay({ rowsDone: 40, total: Number.NaN })).toEqual({ fraction: null, label: '40 rows' });
  });

  it('fills the bar by the share of the estimate done and says "about"', () => {
    expect(progressDisplay({ rowsDone: 0, total: 10_000 })).toEqual({ fraction: 0, label: '0 of about 10,000 rows (0%)' });
    expect(progressDisplay({ rowsDone: 2_500, total: 10_000 })).toEqual({ fraction: 0.25, label: '2,500 of about 10,000 rows (25%)' });
    expect(progressDisplay({ rowsDone: 10_000, total: 10_000 })).toEqual({ fraction: 1, label: '10,000 of about 10,000 rows (100%)' });
  });

  it('says 100% only once every estimated row is done', () => {
    expect(progressDisplay({ rowsDone: 9_999, total: 10_000 }).label).toBe('9,999 of about 10,000 rows (99%)');
  });

  it('never passes a full bar when the estimate was low, and says so', () => {
    expect(progressDisplay({ rowsDone: 12_000, total: 10_000 })).toEqual({ fraction: 1, label: '12,000 rows, more than the estimated 10,000' });
  });

  it('moves only forward and stays between empty and full as rows outrun the estimate', () => {
    let previous = 0;
    for (let rowsDone = 0; rowsDone <= 3_000; rowsDone += 7) {
      const { fraction } = progressDisplay({ rowsDone, total: 1_000 });
      expect(fraction).not.toBeNull();
      expect(fraction as number).toBeGreaterThanOrEqual(previous);
      expect(fraction as number).toBeLessThanOrEqual(1);
      previous = fraction as number;
    }
    expect(previous).toBe(1);
  });
});
