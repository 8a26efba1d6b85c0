import { describe, expect, it } from 'vitest';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';
import { formatTimestamp, parseTimestamp, parseTimestampInto, type TimestampShape } from '../../../shared/result-batch/timestamp-text';

const DATE: TimestampShape = { time: false, zone: false };
const LOCAL: TimestampShape = { time: true, zone: false };
const ZONED: TimestampShape = { time: true, zone: true };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Days since 1970-01-01 computed by the platform's own calendar, for comparison. */
function platformDays(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.round(date.getTime() / 86_400_000);
}

describe('date-times as PostgreSQL writes them', () => {
  it('reads back exactly what the server wrote, across years 1 to 9999, fractions and offsets', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 20_000; i++) {
      const year = 1 + random(9999);
      const month = 1 + random(12);
      const day = 1 + random(28);
      const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
      const fraction = random(3) === 0 ? '' : `.${pad(1 + random(999_999), 6)}`.replace(/0+$/, '');
      const time = `${pad(random(24))}:${pad(random(60))}:${pad(random(60))}${fraction}`;
      const hours = random(15);
      const minutes = [0, 30, 45][random(3)];
      const offset = `${hours === 0 && minutes === 0 ? '+' : random(2) ? '+' : '-'}${pad(hours)}${minutes ? `:${pad(minutes)}` : ''}`;
      for (const [text, shape] of [
        [date, DATE],
        [`${date} ${time}`, LOCAL],
        [`${date} ${time}${offset}`, ZONED],
      ] as const) {
        const parsed = parseTimestamp(text, shape);
        expect(parsed, text).not.toBeNull();
        expect(formatTimestamp(parsed!.days, parsed!.micros, parsed!.offsetSeconds, shape), text).toBe(text);
        expect(parsed!.days, text).toBe(platformDays(year, month, day));
      }
    }
  });

  it('handles leap days, the epoch, offsets with seconds and microsecond ends', () => {
    for (const text of ['2024-02-29', '1970-01-01', '0001-01-01', '9999-12-31', '2000-02-29']) expect(formatTimestamp(parseTimestamp(text, DATE)!.days, 0, 0, DATE)).toBe(text);
    const zoned = ['1970-01-01 00:00:00+00', '2024-02-29 23:59:59.999999-11:30', '1900-06-01 10:00:00+00:19:32', '2024-01-01 00:00:37.5+05:45', '1883-11-18 12:03:58-04:56:02'];
    for (const text of zoned) {
      const parsed = parseTimestamp(text, ZONED)!;
      expect(formatTimestamp(parsed.days, parsed.micros, parsed.offsetSeconds, ZONED)).toBe(text);
    }
  });

  it('leaves everything else to be sent as text: other styles, BC, infinity, long forms and impossible dates', () => {
    const refused: [string, TimestampShape][] = [
      ['infinity', ZONED],
      ['-infinity', DATE],
      ['2024-01-01 BC', DATE],
      ['0044-03-15 BC', DATE],
      ['12024-01-01', DATE],
      ['0000-01-01', DATE],
      ['2023-02-29', DATE],
      ['2024-04-31', DATE],
      ['2024-1-01', DATE],
      ['01/02/2024', DATE],
      ['Mon Jan 01 00:00:00 2024 PST', ZONED],
      ['2024-01-01 24:00:00', LOCAL],
      ['2024-01-01 23:59:60', LOCAL],
      ['2024-01-01 10:00:00.500', LOCAL],
      ['2024-01-01 10:00:00.', LOCAL],
      ['2024-01-01 10:00:00.1234567', LOCAL],
      ['2024-01-01T10:00:00', LOCAL],
      ['2024-01-01 10:00:00+01', LOCAL],
      ['2024-01-01 10:00:00', ZONED],
      ['2024-01-01 10:00:00+05:00', ZONED],
      ['2024-01-01 10:00:00+05:30:00', ZONED],
      ['2024-01-01 10:00:00-00', ZONED],
      ['2024-01-01 10:00:00+5', ZONED],
      ['2024-01-01 10:00:00+05:3', ZONED],
      ['2024-01-01 10:00:00+05 ', ZONED],
    ];
    for (const [text, shape] of refused) expect(parseTimestamp(text, shape), text).toBeNull();
    const into = { days: new Int32Array(1), micros: new Float64Array(1), offsets: new Int32Array(1) };
    expect(parseTimestampInto('2024-01-01', DATE, into, 0)).toBe(true);
  });

  it('travels in a batch as typed parts and reads back as the same text, nulls included', () => {
    const values = ['2024-03-01 12:34:56.789+05:30', null, '1999-12-31 23:59:59-08'];
    const rowCount = values.length;
    const parts = { days: new Int32Array(rowCount), micros: new Float64Array(rowCount), offsets: new Int32Array(rowCount) };
    values.forEach((value, row) => value !== null && parseTimestampInto(value, ZONED, parts, row));
    const batch = encodeResultBatch([{ kind: 'timestamp', ...ZONED, values, ...parts }], rowCount);
    expect(batch.columns[0].kind).toBe('timestamp');
    expect(batchRows(batch).map((row) => row[0])).toEqual(values);
  });
});
