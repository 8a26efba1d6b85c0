import { describe, expect, it } from 'vitest';
import { formatDuration, formatStartedAt, oneLine, resultSummary } from '../../../renderer/features/history/history-format';

describe('history formatting', () => {
  it('puts a statement on one line and ends long ones with an ellipsis', () => {
    expect(oneLine('SELECT *\n  FROM orders\r\n\tWHERE id = 1  ')).toBe('SELECT * FROM orders WHERE id = 1');
    const long = oneLine(`SELECT ${'x, '.repeat(1000)}`);
    expect(long).toHaveLength(401);
    expect(long.endsWith('…')).toBe(true);
    expect(oneLine(`${'\n'.repeat(5000)}SELECT 1`)).toBe('SELECT 1');
  });

  it('says rows returned or affected, and nothing without a count', () => {
    expect(resultSummary({ rowCount: 1, affectedRows: null })).toBe('1 row');
    expect(resultSummary({ rowCount: 0, affectedRows: null })).toBe('0 rows');
    expect(resultSummary({ rowCount: 0, affectedRows: 1234 })).toBe(`${(1234).toLocaleString()} rows affected`);
    expect(resultSummary({ rowCount: null, affectedRows: null })).toBe('');
  });

  it('writes durations in the unit that reads best', () => {
    expect(formatDuration(1.234)).toBe('1.23 ms');
    expect(formatDuration(250.4)).toBe('250 ms');
    expect(formatDuration(1500)).toBe('1.50 s');
    expect(formatDuration(42_000)).toBe('42.0 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('shows only the time for statements of today', () => {
    const now = new Date(2025, 2, 1, 18, 0, 0);
    const today = new Date(2025, 2, 1, 9, 30, 0);
    const earlier = new Date(2025, 1, 27, 9, 30, 0);
    expect(formatStartedAt(today.toISOString(), now)).toBe(today.toLocaleTimeString());
    expect(formatStartedAt(earlier.toISOString(), now)).toBe(earlier.toLocaleString());
  });
});
