import { createSerializer } from '../../../shared/export/create-serializer';
import { cellRowsSource, type ExportColumn } from '../../../shared/export/row-source';
import { serializeAll, type SqlDialect } from '../../../shared/export/serializer';
import type { Cell } from '../../../shared/model/query';

export const COPY_FORMATS = ['csv', 'json', 'markdown', 'sql'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

export const COPY_LABELS: Record<CopyFormat, string> = { csv: 'CSV', json: 'JSON', markdown: 'Markdown', sql: 'SQL INSERT' };

export interface CopySelection {
  rows: readonly (readonly Cell[])[];
  columns: readonly ExportColumn[];
  /** The selected columns, inclusive. */
  fromCol: number;
  toCol: number;
}

/** The selected cells as text in one format, with column names: a CSV header, JSON keys, INSERT columns. */
export function copyAsText(format: CopyFormat, selection: CopySelection, sql: { dialect: SqlDialect; table: readonly string[] } | null): string {
  const { fromCol, toCol } = selection;
  const columns = selection.columns.slice(fromCol, toCol + 1);
  const rows = selection.rows.map((row) => row.slice(fromCol, toCol + 1));
  if (format === 'sql' && !sql) throw new Error('SQL INSERT statements need a SQL connection.');
  const serializer = createSerializer(format, columns, sql ?? {});
  return serializeAll(serializer, [cellRowsSource(rows, columns)]).replace(/\r?\n$/, '');
}
