import { parseHexInput } from '../../../shared/sql/hex-bytes';
import type { CellValue } from '../../../shared/sql/table-query';

export type CellInput = { ok: true; value: CellValue } | { ok: false; message: string };

/**
 * The value typed into a grid cell. Text is taken as typed; a binary cell takes hex only and keeps it
 * as the grid shows bytes (\x and lowercase digits), so the same bytes typed another way are no change.
 */
export function cellInput(text: string, binary: boolean): CellInput {
  if (!binary) return { ok: true, value: text };
  const parsed = parseHexInput(text);
  return parsed.ok ? { ok: true, value: `\\x${parsed.hex}` } : parsed;
}
