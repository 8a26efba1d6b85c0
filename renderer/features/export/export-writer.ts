import type { RowSource } from '../../../shared/export/row-source';
import type { Serializer } from '../../../shared/export/serializer';

/** Rows serialized between checks of the clock. */
const SLICE_ROWS = 100;
/** Work done before giving the event loop back, well under the 50 ms a frame may be late. */
const SLICE_BUDGET_MS = 8;
/** Text collected before it is moved into a Blob, so the strings can be let go. */
const BLOB_FLUSH_CHARS = 1024 * 1024;

export interface ExportProgress {
  rowsDone: number;
  /** Rows expected, when known. */
  total: number | null;
}

export interface WriteExportInput {
  serializer: Serializer;
  blocks: AsyncIterable<RowSource>;
  mimeType: string;
  total: () => number | null;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Serializes blocks of rows into a Blob a slice at a time, yielding to the event loop whenever a slice
 * ran past its budget, so the window keeps drawing and Cancel stays clickable.
 */
export async function writeExport({ serializer, blocks, mimeType, total, onProgress, signal }: WriteExportInput): Promise<Blob> {
  const parts: BlobPart[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const push = (text: string) => {
    if (text === '') return;
    pending.push(text);
    pendingChars += text.length;
    if (pendingChars < BLOB_FLUSH_CHARS) return;
    parts.push(new Blob(pending));
    pending = [];
    pendingChars = 0;
  };
  const check = () => {
    if (signal?.aborted) throw new ExportCancelled();
  };

  let rowsDone = 0;
  let sliceStart = performance.now();
  push(serializer.begin());
  for await (const block of blocks) {
    for (let from = 0; from < block.rowCount; from += SLICE_ROWS) {
      check();
      const to = Math.min(block.rowCount, from + SLICE_ROWS);
      push(serializer.rows(block, from, to));
      rowsDone += to - from;
      if (performance.now() - sliceStart >= SLICE_BUDGET_MS) {
        onProgress?.({ rowsDone, total: total() });
        await nextTask();
        sliceStart = performance.now();
      }
    }
    onProgress?.({ rowsDone, total: total() });
  }
  check();
  push(serializer.end());
  parts.push(new Blob(pending));
  return new Blob(parts, { type: mimeType });
}
