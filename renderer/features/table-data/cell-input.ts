import { parseBitInput } from '../../../shared/sql/bit-columns';
import { parseHexInput } from '../../../shared/sql/hex-bytes';
import type { CellValue } from '../../../shared/sql/table-query';
import type { ValueType } from '../../../shared/sql/value-types';
import { displayCell } from '../results/format-value';

export type CellInput = { ok: true; value: CellValue } | { ok: false; message: string };

/**
 * The value typed into a grid cell. Text is taken as typed; a binary cell takes hex only and keeps it
 * as the grid shows bytes (\x and lowercase digits), so the same bytes typed another way are no change;
 * a BIT cell takes a whole number that fits (or its bits, b'0101') and keeps its decimal digits.
 */
export function cellInput(text: string, type: ValueType): CellInput {
  switch (type.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'bytes': {
      const parsed = parseHexInput(text);
      return parsed.ok ? { ok: true, value: `\\x${parsed.hex}` } : parsed;
    }
    case 'bits':
      return parseBitInput(text, type.width);
  }
}

/**
 * How editing a cell starts: from its whole value (never the grid's shortened preview; NULL starts
 * empty), in a dialog when the grid shows the value shortened or with its line breaks and tabs as
 * symbols, which a one-line input in the cell could not keep.
 */
export function editorStart(value: CellValue): { text: string; dialog: boolean } {
  return { text: value ?? '', dialog: value !== null && displayCell(value, 'text').clipped };
}
