import { describe, expect, it } from 'vitest';
import { bytesToBase64, hexToBytes } from '../../../shared/export/binary-text';
import { cellRowsSource } from '../../../shared/export/row-source';
import { guessTableName, parseQualifiedName } from '../../../shared/export/table-name';
import { bytesToHex } from '../../../shared/result-batch/read';
import { ALL_BYTES } from './fixtures';

describe('binary text', () => {
  it('encodes every byte value as base64 like the platform does', () => {
    for (const length of [0, 1, 2, 3, 4, 255, 256]) {
      const bytes = ALL_BYTES.slice(0, length);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('reads \\x-hex cells back into their bytes and rejects other text', () => {
    expect(hexToBytes(bytesToHex(ALL_BYTES))).toEqual(ALL_BYTES);
    expect(hexToBytes('\\x')).toEqual(new Uint8Array(0));
    expect(hexToBytes('\\x0')).toBeNull();
    expect(hexToBytes('plain')).toBeNull();
  });

  it('gives the bytes of binary columns only, from text cells', () => {
    const source = cellRowsSource(
      [['\\x00ff', '\\x00ff']],
      [
        { name: 'b', dataType: 'bytea', category: 'binary' },
        { name: 't', dataType: 'text', category: 'text' },
      ],
    );
    expect(source.binary(0, 0)).toEqual(Uint8Array.of(0, 255));
    expect(source.binary(0, 1)).toBeNull();
  });
});

describe('guessTableName', () => {
  it('finds the table of a simple SELECT, quoted or not', () => {
    expect(guessTableName('SELECT * FROM orders LIMIT 5')).toEqual(['orders']);
    expect(guessTableName('select a from public."Order ""Items""" o')).toEqual(['public', 'Order "Items"']);
    expect(guessTableName('SELECT 1 FROM `my db`.`t``x`')).toEqual(['my db', 't`x']);
    expect(guessTableName('UPDATE t SET a = 1')).toBeNull();
    expect(guessTableName('SELECT 1')).toBeNull();
  });
});

describe('parseQualifiedName', () => {
  it('reads quoted and plain parts and refuses other text', () => {
    expect(parseQualifiedName('"my schema"."t.1"')).toEqual(['my schema', 't.1']);
    expect(parseQualifiedName(' orders ')).toEqual(['orders']);
    expect(parseQualifiedName('`a``b`.c')).toEqual(['a`b', 'c']);
    expect(parseQualifiedName('a b')).toBeNull();
    expect(parseQualifiedName('')).toBeNull();
    expect(parseQualifiedName('a.')).toBeNull();
  });
});
