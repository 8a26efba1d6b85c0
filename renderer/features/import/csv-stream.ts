import Papa from 'papaparse';

export interface CsvFormat {
  delimiter: string;
  /** '\n', '\r\n' or '\r'. */
  newline: string;
}

export interface CsvChunk {
  records: string[][];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

/**
 * The records of a CSV file, a slice at a time: bytes are decoded as a stream (a character split
 * across slices stays whole) and papaparse's Parser keeps the last, possibly unfinished record of a
 * slice for the next one (a quoted field may span slices). Only one slice is in memory at a time.
 */
export async function* readCsvRecords(file: Blob, format: CsvFormat, chunkBytes = DEFAULT_CHUNK_BYTES): AsyncGenerator<CsvChunk> {
  const decoder = new TextDecoder('utf-8');
  let carry = '';
  let offset = 0;
  let first = true;
  while (offset < file.size) {
    const end = Math.min(file.size, offset + chunkBytes);
    let text = decoder.decode(await file.slice(offset, end).arrayBuffer(), { stream: end < file.size });
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    offset = end;
    const input = carry + text;
    const last = offset >= file.size;
    const result = new Papa.Parser({ delimiter: format.delimiter, newline: format.newline as '\n' }).parse(input, 0, !last) as { data: string[][]; meta: { cursor: number } };
    carry = last ? '' : input.slice(result.meta.cursor);
    yield { records: result.data, bytesRead: offset };
  }
}

/** The delimiter and line break papaparse guesses from the start of a file. */
export function guessFormat(sample: string): CsvFormat {
  const meta = Papa.parse<string[]>(sample, { preview: 50, skipEmptyLines: true }).meta;
  return { delimiter: meta.delimiter || ',', newline: meta.linebreak || '\n' };
}
