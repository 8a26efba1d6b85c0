import { describe, expect, it } from 'vitest';
import { isBinaryType } from '../../../shared/sql/binary-columns';
import { binaryLiteral, bytesToHexDigits, hexToBytes, parseHexInput } from '../../../shared/sql/hex-bytes';
import { cellInput } from '../../../renderer/features/table-data/cell-input';

const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, byte) => byte);
const ALL_BYTES_HEX = bytesToHexDigits(ALL_BYTES);

describe('hex typed into a binary cell', () => {
  it.each([
    ['00ff', '00ff'],
    ['0x00FF', '00ff'],
    ['0X00ff', '00ff'],
    ['\\x00Ff', '00ff'],
    ['\\X00ff', '00ff'],
    ['  de ad\tbe\nef  ', 'deadbeef'],
    ['0x de ad', 'dead'],
    ['', ''],
    ['0x', ''],
    ['\\x', ''],
  ])('accepts %j as %j', (typed, hex) => {
    expect(parseHexInput(typed)).toEqual({ ok: true, hex });
  });

  it('refuses an odd number of digits and says how many and why', () => {
    const parsed = parseHexInput('0xabc');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/3 hex digits, an odd number: each byte takes two/);
  });

  it.each([
    ['hello', '"h"'],
    ['00zz', '"z"'],
    ['0x0g', '"g"'],
    ['x00', '"x"'],
    ['00\\x01', '"\\"'],
    ['00😀', '"😀"'],
    ['00\u0000', 'U+0000'],
  ])('refuses %j, naming %s as not a hex digit', (typed, named) => {
    const parsed = parseHexInput(typed);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(`${named} is not a hex digit`);
      expect(parsed.message).toMatch(/two digits 0-9 or a-f per byte/);
    }
  });

  it('turns every byte value into hex digits and back', () => {
    expect(ALL_BYTES_HEX).toHaveLength(512);
    expect(ALL_BYTES_HEX.slice(0, 8)).toBe('00010203');
    expect(ALL_BYTES_HEX.slice(-4)).toBe('feff');
    expect(hexToBytes(ALL_BYTES_HEX)).toEqual(ALL_BYTES);
    expect(hexToBytes(ALL_BYTES_HEX.toUpperCase())).toEqual(ALL_BYTES);
    expect(hexToBytes('')).toEqual(new Uint8Array());
  });

  it('refuses to decode what is not two hex digits per byte', () => {
    expect(() => hexToBytes('abc')).toThrow(RangeError);
    expect(() => hexToBytes('0g')).toThrow(/"0g" is not a hex byte/);
    expect(() => hexToBytes('\u00e9\u00e9')).toThrow(RangeError);
  });

  it('keeps a binary cell as the grid shows bytes, so typing the same bytes another way is no change', () => {
    expect(cellInput('0xDEAD', { kind: 'bytes' })).toEqual({ ok: true, value: '\\xdead' });
    expect(cellInput('\\xdead', { kind: 'bytes' })).toEqual({ ok: true, value: '\\xdead' });
    expect(cellInput('', { kind: 'bytes' })).toEqual({ ok: true, value: '\\x' });
    expect(cellInput('not hex', { kind: 'bytes' })).toMatchObject({ ok: false, message: expect.stringContaining('"n" is not a hex digit') });
    expect(cellInput('not hex', { kind: 'text' })).toEqual({ ok: true, value: 'not hex' });
  });
});

describe('binary literals in the pending SQL', () => {
  it('writes the dialect literal', () => {
    const bytes = new Uint8Array([0, 0xab, 0xff]);
    expect(binaryLiteral('postgres', bytes)).toBe("'\\x00abff'::bytea");
    expect(binaryLiteral('mysql', bytes)).toBe("X'00abff'");
    expect(binaryLiteral('sqlite', bytes)).toBe("X'00abff'");
    expect(binaryLiteral('sqlite', new Uint8Array())).toBe("X''");
  });

  it('cuts a long value off and gives its length', () => {
    expect(binaryLiteral('mysql', new Uint8Array(1_048_576).fill(1), 2)).toBe("X'0101…' (1,048,576 bytes)");
    expect(binaryLiteral('postgres', new Uint8Array([1, 2]), 2)).toBe("'\\x0102'::bytea");
  });
});

describe('binary column types', () => {
  it.each<[Parameters<typeof isBinaryType>[0], string, boolean]>([
    ['postgres', 'bytea', true],
    ['postgres', 'bytea[]', false],
    ['postgres', 'text', false],
    ['postgres', 'bit varying(8)', false],
    ['mysql', 'varbinary(16)', true],
    ['mysql', 'binary(4)', true],
    ['mysql', 'tinyblob', true],
    ['mysql', 'blob', true],
    ['mysql', 'mediumblob', true],
    ['mysql', 'longblob', true],
    ['mysql', 'bit(8)', false],
    ['mysql', 'varchar(16)', false],
    ['mysql', 'text', false],
    ['sqlite', 'BLOB', true],
    ['sqlite', 'blob', true],
    ['sqlite', 'VARBINARY(16)', true],
    ['sqlite', '', false],
    ['sqlite', 'TEXT', false],
    ['sqlite', 'INTEGER', false],
  ])('%s %j holds bytes: %s', (engine, type, binary) => {
    expect(isBinaryType(engine, type)).toBe(binary);
  });
});
