import { createSerializer, type ExportOptions } from '../../../shared/export/create-serializer';
import { FORMAT_INFO, type ExportFormat, type SqlDialect } from '../../../shared/export/serializer';
import { qualifiedName } from '../../../shared/sql/quote';
import type { StrataClient } from '../../bridge/client';
import { writeExport, type ExportProgress } from './export-writer';
import { streamTableRows } from './table-rows';

export interface TableExportInput {
  client: StrataClient;
  connectionId: string;
  dialect: SqlDialect;
  /** The table's name parts as a query on the connection names it, e.g. ['public', 'orders']. */
  table: readonly string[];
  format: ExportFormat;
  options?: Omit<ExportOptions, 'dialect' | 'table'>;
  /**
   * The table's estimated row count for the progress bar, or a function that gives it once it is known
   * (read at each progress report); rows so far are shown without it.
   */
  estimatedRows?: number | null | (() => number | null);
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

let runCounter = 0;

/** Every row of a table, serialized as it streams from the database, as a Blob. */
export async function exportTableToBlob(input: TableExportInput): Promise<Blob> {
  const { client, connectionId, dialect, table, format } = input;
  const runId = `export-${Date.now().toString(36)}-${++runCounter}`;
  const stream = streamTableRows(client, { connectionId, runId, sql: `SELECT * FROM ${qualifiedName(dialect, [...table])}`, signal: input.signal });
  const iterator = stream.batches[Symbol.asyncIterator]();
  try {
    // Columns come before the first batch; wait for them or for the run to end without rows.
    const first = await iterator.next();
    const columns = await stream.columns;
    const serializer = createSerializer(format, columns, { ...input.options, dialect, table });
    async function* blocks() {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    }
    return await writeExport({
      serializer,
      blocks: blocks(),
      mimeType: FORMAT_INFO[format].mimeType,
      total: () => (typeof input.estimatedRows === 'function' ? input.estimatedRows() : (input.estimatedRows ?? null)),
      onProgress: input.onProgress,
      signal: input.signal,
    });
  } finally {
    await iterator.return?.();
  }
}
