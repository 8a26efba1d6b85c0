import { bytesToBase64 } from './binary-text';
import type { RowSource } from './row-source';
import type { BinaryEncoding } from './serializer';

/**
 * A non-null value as plain text: the database's own text, binary as \x-hex (the grid's form) or as
 * base64. Null stays null.
 */
export function plainText(source: RowSource, row: number, column: number, binary: BinaryEncoding): string | null {
  if (binary === 'base64') {
    const bytes = source.binary(row, column);
    if (bytes) return bytesToBase64(bytes);
  }
  return source.cell(row, column);
}

/** Column names made unique where they are used as keys: the second `id` becomes `id_2`. */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}_${n}`;
    taken.add(unique);
    return unique;
  });
}
