import type { ExportColumn, RowSource } from './row-source';
import type { BinaryEncoding, Serializer } from './serializer';
import { plainText, uniqueNames } from './value-text';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export interface JsonOptions {
  binary: BinaryEncoding;
}

/**
 * A value as JSON text. Numbers are written with the database's own digits (a 40-digit numeric or an
 * int8 stays exact in the file); values that are not JSON numbers (NaN, Infinity) become strings.
 * Booleans are true/false, json columns stay their text as a JSON string, binary is a hex or base64 string.
 */
function jsonValue(source: RowSource, row: number, column: number, category: ExportColumn['category'], binary: BinaryEncoding): string {
  const text = plainText(source, row, column, binary);
  if (text === null) return 'null';
  if (category === 'number' && JSON_NUMBER.test(text)) return text;
  if (category === 'boolean' && (text === 'true' || text === 'false')) return text;
  return JSON.stringify(text);
}

function objectWriter(columns: readonly ExportColumn[], options: JsonOptions): (source: RowSource, row: number) => string {
  const keys = uniqueNames(columns.map((column) => column.name)).map((name) => JSON.stringify(name) + ':');
  return (source, row) => {
    const members = new Array<string>(columns.length);
    for (let column = 0; column < columns.length; column++) members[column] = keys[column] + jsonValue(source, row, column, columns[column].category, options.binary);
    return `{${members.join(',')}}`;
  };
}

/** A JSON array of objects, one per row, keyed by column name (a repeated name gets a _2 suffix). */
export function jsonSerializer(columns: readonly ExportColumn[], options: JsonOptions): Serializer {
  const object = objectWriter(columns, options);
  let first = true;
  return {
    begin: () => '[',
    rows(source: RowSource, from: number, to: number) {
      const parts: string[] = [];
      for (let row = from; row < to; row++) {
        parts.push((first ? '\n' : ',\n') + object(source, row));
        first = false;
      }
      return parts.join('');
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

/** Newline-delimited JSON: one object per line. */
export function ndjsonSerializer(columns: readonly ExportColumn[], options: JsonOptions): Serializer {
  const object = objectWriter(columns, options);
  return {
    begin: () => '',
    rows(source: RowSource, from: number, to: number) {
      const parts: string[] = [];
      for (let row = from; row < to; row++) parts.push(object(source, row) + '\n');
      return parts.join('');
    },
    end: () => '',
  };
}
