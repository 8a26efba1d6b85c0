import { describe, expect, it } from 'vitest';
import { CELL_DISPLAY_LIMIT, displayCell, isNumeric, prefersViewer } from '../../../renderer/features/results/format-value';
import { hexDump, viewerText } from '../../../renderer/features/results/cell-viewer-text';
import { describeOutcome, formatDuration, formatRows } from '../../../renderer/features/results/format-figures';

describe('displayCell', () => {
  it('marks NULL as null, so it can be styled apart from the string "NULL"', () => {
    expect(displayCell(null, 'text')).toEqual({ text: 'NULL', isNull: true, clipped: false });
    expect(displayCell('NULL', 'text')).toEqual({ text: 'NULL', isNull: false, clipped: false });
  });

  it('keeps hostile text as plain text, untouched', () => {
    const value = '<img src=x onerror=alert(1)>';
    expect(displayCell(value, 'text').text).toBe(value);
  });

  it('shows line breaks and tabs as symbols so the value stays on one line', () => {
    const shown = displayCell('first\r\nsecond\nthird\tfourth', 'text');
    expect(shown.text).toBe('first↵second↵third→fourth');
    expect(shown.clipped).toBe(true);
  });

  it('cuts long values with an ellipsis', () => {
    const shown = displayCell('x'.repeat(CELL_DISPLAY_LIMIT + 50), 'text');
    expect(shown.text).toHaveLength(CELL_DISPLAY_LIMIT + 1);
    expect(shown.text.endsWith('…')).toBe(true);
    expect(shown.clipped).toBe(true);
  });

  it("spells PostgreSQL's t/f booleans out and keeps other engines' values", () => {
    expect(displayCell('t', 'boolean').text).toBe('true');
    expect(displayCell('f', 'boolean').text).toBe('false');
    expect(displayCell('1', 'boolean').text).toBe('1');
  });

  it('keeps every digit of big numbers and binary hex as sent', () => {
    expect(displayCell('9007199254740993', 'number').text).toBe('9007199254740993');
    expect(displayCell('12345678901234567890.123456789', 'number').text).toBe('12345678901234567890.123456789');
    expect(displayCell('\\xdeadbeef', 'binary').text).toBe('\\xdeadbeef');
  });

  it('right-aligns only numbers', () => {
    expect(isNumeric('number')).toBe(true);
    expect(isNumeric('text')).toBe(false);
    expect(isNumeric('datetime')).toBe(false);
  });

  it('sends json, binary, long and multi-line values to the viewer', () => {
    expect(prefersViewer('{"a":1}', 'json')).toBe(true);
    expect(prefersViewer('\\x00', 'binary')).toBe(true);
    expect(prefersViewer('a\nb', 'text')).toBe(true);
    expect(prefersViewer('y'.repeat(200), 'text')).toBe(true);
    expect(prefersViewer('short', 'text')).toBe(false);
    expect(prefersViewer(null, 'json')).toBe(false);
  });
});

describe('viewerText', () => {
  it('pretty-prints json and falls back to the raw text when it does not parse', () => {
    expect(viewerText('{"a":[1,2],"b":"<b>"}', 'json')).toEqual({
      text: '{\n  "a": [\n    1,\n    2\n  ],\n  "b": "<b>"\n}',
      format: 'json',
      truncated: false,
    });
    expect(viewerText('{not json', 'json')).toEqual({ text: '{not json', format: 'text', truncated: false });
  });

  it('shows binary as a hex dump with offsets, 16 bytes a line', () => {
    const bytes = Array.from({ length: 20 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
    const shown = viewerText(`\\x${bytes.toUpperCase()}`, 'binary');
    expect(shown.format).toBe('hex');
    expect(shown.text.split('\n')).toEqual([
      '00000000  00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f',
      '00000010  10 11 12 13',
    ]);
  });

  it('shows NULL and plain text as they are', () => {
    expect(viewerText(null, 'text').format).toBe('null');
    expect(viewerText('a\nb', 'text').text).toBe('a\nb');
    expect(viewerText('not hex', 'binary').format).toBe('text');
  });

  it('dumps nothing for empty binary', () => {
    expect(hexDump('')).toBe('');
  });
});

describe('figures', () => {
  it('counts rows with thousands separators and the right noun', () => {
    expect(formatRows(1000)).toBe('1,000 rows');
    expect(formatRows(1)).toBe('1 row');
    expect(formatRows(0)).toBe('0 rows');
    expect(formatRows(1234567)).toBe('1,234,567 rows');
  });

  it('formats durations at a useful precision', () => {
    expect(formatDuration(35)).toBe('35 ms');
    expect(formatDuration(1240)).toBe('1.24 s');
    expect(formatDuration(12_340)).toBe('12.3 s');
    expect(formatDuration(125_000)).toBe('2 m 05 s');
    expect(formatDuration(3_725_000)).toBe('1 h 02 m');
  });

  it('describes what a statement did', () => {
    expect(describeOutcome({ command: 'SELECT', rowCount: 1000, affectedRows: null, hasColumns: true })).toBe('SELECT · 1,000 rows');
    expect(describeOutcome({ command: 'UPDATE', rowCount: 0, affectedRows: 3, hasColumns: false })).toBe('UPDATE · 3 rows affected');
    expect(describeOutcome({ command: null, rowCount: null, affectedRows: null, hasColumns: false })).toBe('Done');
  });
});
