import { delimitedSerializer } from './delimited';
import { jsonSerializer, ndjsonSerializer } from './json';
import { markdownSerializer } from './markdown';
import type { ExportColumn } from './row-source';
import type { BinaryEncoding, ExportFormat, Serializer, SqlDialect } from './serializer';
import { sqlInsertSerializer } from './sql-insert';

export interface ExportOptions {
  /** CSV's delimiter; ',' when absent. */
  delimiter?: string;
  /** CSV and TSV: a first line of column names; true when absent. */
  header?: boolean;
  /** CSV, TSV, JSON, NDJSON: 'hex' (\x…, as the grid shows it) when absent. */
  binary?: BinaryEncoding;
  /** SQL: the dialect of the literals and quoting. */
  dialect?: SqlDialect;
  /** SQL: the target table's name parts. */
  table?: readonly string[];
}

export function createSerializer(format: ExportFormat, columns: readonly ExportColumn[], options: ExportOptions = {}): Serializer {
  const binary = options.binary ?? 'hex';
  const header = options.header ?? true;
  switch (format) {
    case 'csv':
      return delimitedSerializer(columns, { delimiter: options.delimiter ?? ',', header, binary, lineEnd: '\r\n' });
    case 'tsv':
      return delimitedSerializer(columns, { delimiter: '\t', header, binary, lineEnd: '\n' });
    case 'json':
      return jsonSerializer(columns, { binary });
    case 'ndjson':
      return ndjsonSerializer(columns, { binary });
    case 'markdown':
      return markdownSerializer(columns);
    case 'sql':
      if (!options.dialect) throw new Error('SQL export needs the dialect of the target database.');
      return sqlInsertSerializer(columns, { dialect: options.dialect, table: options.table ?? [] });
  }
}
