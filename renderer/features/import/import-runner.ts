import { importBatchChars, MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_ROWS, type ChannelInput, type ChannelOutput } from '../../../shared/ipc/contract';
import type { PathSegment } from '../../../shared/model/schema';
import { mappedValues, targetColumns, type ColumnMapping } from './column-mapping';
import { LineCounter, isBlankRecord } from './csv-lines';
import { readCsvRecords, type CsvFormat } from './csv-stream';

type ImportChannel = 'import/begin' | 'import/rows' | 'import/commit' | 'import/abort';
export type ImportInvoke = <C extends ImportChannel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

export interface ImportPlan {
  connectionId: string;
  path: PathSegment[];
  format: CsvFormat;
  hasHeader: boolean;
  mapping: ColumnMapping;
  emptyAsNull: boolean;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rowsInserted: number;
}

/** Characters per import/rows call: well under the contract's bound, so JSON escaping stays small on the wire. */
const BATCH_CHARS = Math.min(MAX_IMPORT_BATCH_CHARS, 1_000_000);

export class ImportCancelled extends Error {
  constructor() {
    super('The import was cancelled; nothing was imported.');
  }
}

/**
 * Streams the file into the table: records are mapped and sent in batches as they are read, each
 * batch awaited before more of the file is read, then committed. Any failure or a cancel aborts
 * the import, so nothing is committed unless every row went in.
 */
export async function runCsvImport(file: Blob, plan: ImportPlan, invoke: ImportInvoke, onProgress: (progress: ImportProgress) => void, signal: AbortSignal): Promise<number> {
  const { importId } = await invoke('import/begin', { connectionId: plan.connectionId, path: plan.path, columns: targetColumns(plan.mapping) });
  const progress: ImportProgress = { bytesRead: 0, totalBytes: file.size, rowsInserted: 0 };
  let rows: (string | null)[][] = [];
  let lines: number[] = [];
  let chars = 0;
  const send = async () => {
    if (rows.length === 0) return;
    if (signal.aborted) throw new ImportCancelled();
    const { inserted } = await invoke('import/rows', { importId, firstLine: lines[0], lines, rows });
    progress.rowsInserted = inserted;
    onProgress({ ...progress });
    rows = [];
    lines = [];
    chars = 0;
  };
  try {
    const counter = new LineCounter();
    let headerPending = plan.hasHeader;
    for await (const chunk of readCsvRecords(file, plan.format)) {
      for (const record of chunk.records) {
        const line = counter.take(record);
        if (headerPending) {
          headerPending = false;
          continue;
        }
        if (isBlankRecord(record)) continue;
        const values = mappedValues(record, plan.mapping, plan.emptyAsNull);
        const size = importBatchChars([values]);
        if (size > BATCH_CHARS) throw new Error(`Line ${line} holds ${size} characters, more than one import batch takes (${BATCH_CHARS}). Nothing was imported.`);
        if (rows.length >= MAX_IMPORT_ROWS || chars + size > BATCH_CHARS) await send();
        rows.push(values);
        lines.push(line);
        chars += size;
      }
      progress.bytesRead = chunk.bytesRead;
      onProgress({ ...progress });
      if (signal.aborted) throw new ImportCancelled();
    }
    await send();
    if (signal.aborted) throw new ImportCancelled();
    const { inserted } = await invoke('import/commit', { importId });
    return inserted;
  } catch (error) {
    await invoke('import/abort', { importId }).catch(() => undefined);
    throw error;
  }
}
