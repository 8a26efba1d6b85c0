import type { RowSource } from './row-source';

export const EXPORT_FORMATS = ['csv', 'tsv', 'json', 'ndjson', 'sql', 'markdown'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How binary values are written where the format has no binary type of its own (CSV, TSV, JSON). */
export type BinaryEncoding = 'hex' | 'base64';

/** The SQL engines whose INSERT dialect the SQL export writes. */
export type SqlDialect = 'postgres' | 'mysql' | 'sqlite';

/**
 * Turns rows into text in pieces: begin() once, rows() for each block (or part of one), end() once;
 * the pieces concatenated are the file. Nothing holds more than the rows of one call.
 */
export interface Serializer {
  begin(): string;
  /** Rows [from, to) of the block. */
  rows(source: RowSource, from: number, to: number): string;
  end(): string;
}

export interface FormatInfo {
  label: string;
  extension: string;
  mimeType: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  csv: { label: 'CSV', extension: 'csv', mimeType: 'text/csv' },
  tsv: { label: 'TSV', extension: 'tsv', mimeType: 'text/tab-separated-values' },
  json: { label: 'JSON', extension: 'json', mimeType: 'application/json' },
  ndjson: { label: 'NDJSON', extension: 'ndjson', mimeType: 'application/x-ndjson' },
  sql: { label: 'SQL INSERT', extension: 'sql', mimeType: 'application/sql' },
  markdown: { label: 'Markdown', extension: 'md', mimeType: 'text/markdown' },
};

/** Every row of every block, as one string: for clipboard-sized selections only. */
export function serializeAll(serializer: Serializer, sources: readonly RowSource[]): string {
  const parts = [serializer.begin()];
  for (const source of sources) parts.push(serializer.rows(source, 0, source.rowCount));
  parts.push(serializer.end());
  return parts.join('');
}
