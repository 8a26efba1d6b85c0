import type { Cell } from '../../../shared/model/query';

/** Most cells the grid copies at once; a bigger selection asks the user to narrow it. */
export const MAX_COPY_CELLS = 2_000_000;

/**
 * Rows as tab-separated text that spreadsheets paste cell by cell. NULL becomes an empty field; a value
 * holding a tab, line break or double quote is quoted with doubled quotes, as spreadsheets expect.
 */
export function toTsv(rows: readonly (readonly Cell[])[], fromCol: number, toCol: number, header?: readonly string[]): string {
  const lines: string[] = [];
  if (header) lines.push(header.slice(fromCol, toCol + 1).map(tsvField).join('\t'));
  for (const row of rows) {
    const fields: string[] = [];
    for (let col = fromCol; col <= toCol; col++) fields.push(tsvField(row[col] ?? null));
    lines.push(fields.join('\t'));
  }
  return lines.join('\n');
}

function tsvField(value: Cell): string {
  if (value === null) return '';
  return /[\t\r\n"]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
