import { open, rm, type FileHandle } from 'node:fs/promises';
import type { ColumnVector, ResultBatch, Section } from '../../../shared/result-batch/format';

/** Where one appended batch lies in the file, with the layout its bytes need to be read as a batch again. */
interface StoredBatch {
  firstRow: number;
  rowCount: number;
  fileOffset: number;
  byteLength: number;
  columns: ColumnVector[];
  text: Section;
}

export interface SpooledBatch {
  firstRow: number;
  batch: ResultBatch;
}

/**
 * The rows of one statement that did not fit the client's memory budget: batch bytes appended back
 * to back in a file (mode 0600), with an in-memory index to read any range of rows back.
 */
export class SpoolFile {
  private readonly stored: StoredBatch[] = [];
  private size = 0;
  private writer: FileHandle | null;
  /** The append in progress, so that closing never cuts a write short. */
  private writing: Promise<void> = Promise.resolve();
  private deleted = false;

  private constructor(
    readonly path: string,
    writer: FileHandle,
  ) {
    this.writer = writer;
  }

  /** Creates the file; fails when it already exists. */
  static async create(path: string): Promise<SpoolFile> {
    return new SpoolFile(path, await open(path, 'wx', 0o600));
  }

  /** The row after the last stored one. */
  get endRow(): number {
    const last = this.stored.at(-1);
    return last ? last.firstRow + last.rowCount : 0;
  }

  /** Bytes written so far. */
  get byteLength(): number {
    return this.size;
  }

  /** Stores rows [firstRow, firstRow + batch.rowCount); batches must come in row order. Resolves once the bytes are written. */
  append(batch: ResultBatch, firstRow: number): Promise<void> {
    const appended = this.writing.then(() => this.write(batch, firstRow));
    this.writing = appended.catch(() => undefined);
    return appended;
  }

  /**
   * The stored batches that overlap rows [fromRow, fromRow + rowCount), each read from disk into its own
   * buffer (so at offset 0, 8-aligned for typed views). Batches still being written are not included.
   */
  async read(fromRow: number, rowCount: number): Promise<SpooledBatch[]> {
    const wanted = this.overlapping(fromRow, fromRow + rowCount);
    if (wanted.length === 0) return [];
    const reader = await open(this.path, 'r');
    try {
      const batches: SpooledBatch[] = [];
      for (const stored of wanted) {
        const bytes = new Uint8Array(stored.byteLength);
        await readFully(reader, bytes, stored.fileOffset);
        batches.push({ firstRow: stored.firstRow, batch: { rowCount: stored.rowCount, columns: stored.columns, text: stored.text, bytes } });
      }
      return batches;
    } finally {
      await reader.close();
    }
  }

  /** Ends writing; the stored rows stay readable. */
  async close(): Promise<void> {
    await this.writing;
    const writer = this.writer;
    this.writer = null;
    await writer?.close();
  }

  /** Closes and removes the file. Safe to call twice. */
  async delete(): Promise<void> {
    if (this.deleted) return;
    this.deleted = true;
    await this.close();
    await rm(this.path, { force: true });
  }

  private async write(batch: ResultBatch, firstRow: number): Promise<void> {
    if (!this.writer) throw new Error(`The spool file ${this.path} is closed.`);
    if (firstRow !== this.endRow && this.stored.length > 0) {
      throw new Error(`Spooled rows must follow each other: expected row ${this.endRow}, got ${firstRow}.`);
    }
    if (batch.rowCount === 0) return;
    const bytes = batch.bytes;
    let written = 0;
    while (written < bytes.byteLength) {
      const { bytesWritten } = await this.writer.write(bytes, written, bytes.byteLength - written, this.size + written);
      written += bytesWritten;
    }
    this.stored.push({ firstRow, rowCount: batch.rowCount, fileOffset: this.size, byteLength: bytes.byteLength, columns: batch.columns, text: batch.text });
    this.size += bytes.byteLength;
  }

  private overlapping(from: number, to: number): StoredBatch[] {
    // The first stored batch that ends after `from`; batches are in row order.
    let low = 0;
    let high = this.stored.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const stored = this.stored[middle];
      if (stored.firstRow + stored.rowCount <= from) low = middle + 1;
      else high = middle;
    }
    const found: StoredBatch[] = [];
    for (let at = low; at < this.stored.length && this.stored[at].firstRow < to; at++) found.push(this.stored[at]);
    return found;
  }
}

async function readFully(handle: FileHandle, into: Uint8Array, position: number): Promise<void> {
  let read = 0;
  while (read < into.byteLength) {
    const { bytesRead } = await handle.read(into, read, into.byteLength - read, position + read);
    if (bytesRead === 0) throw new Error('The spool file ended before the batch did.');
    read += bytesRead;
  }
}
