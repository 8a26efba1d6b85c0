import Papa from 'papaparse';
import { isBlankRecord, LineCounter } from './csv-lines';
import { guessFormat, type CsvFormat } from './csv-stream';
import type { NumberedValues } from './type-checks';

export const PREVIEW_RECORDS = 50;
const SAMPLE_BYTES = 256 * 1024;

export interface CsvPreview {
  format: CsvFormat;
  /** The first records (header candidate included), blank lines left out, with their lines. */
  records: NumberedValues[];
  columnCount: number;
}

/** Reads only the start of the file: enough for PREVIEW_RECORDS + 1 records in all but huge rows. */
export async function previewCsv(file: Blob, delimiter?: string): Promise<CsvPreview> {
  const sample = new TextDecoder('utf-8').decode(await file.slice(0, SAMPLE_BYTES).arrayBuffer()).replace(/^\uFEFF/, '');
  const guessed = guessFormat(sample);
  const format = { ...guessed, delimiter: delimiter ?? guessed.delimiter };
  const parsed = Papa.parse<string[]>(sample, { delimiter: format.delimiter, newline: format.newline as '\n', preview: PREVIEW_RECORDS + 10 });
  const counter = new LineCounter();
  const records: NumberedValues[] = [];
  for (const record of parsed.data) {
    const line = counter.take(record);
    if (!isBlankRecord(record)) records.push({ line, fields: record });
    if (records.length > PREVIEW_RECORDS) break;
  }
  return { format, records, columnCount: Math.max(0, ...records.map((record) => record.fields.length)) };
}
