import type { ExportColumn, RowSource } from './row-source';
import type { BinaryEncoding, Serializer } from './serializer';
import { plainText } from './value-text';

export interface DelimitedOptions {
  /** One character; not a quote or a line break. */
  delimiter: string;
  header: boolean;
  binary: BinaryEncoding;
  lineEnd: '\r\n' | '\n';
}

/**
 * CSV as RFC 4180 describes it (and TSV, the same with a tab): a field holding the delimiter, a quote
 * or a line break is quoted with inner quotes doubled. NULL is an empty field and the empty string an
 * empty quoted field (""), as PostgreSQL's COPY writes them, so the two stay apart.
 */
export function delimitedSerializer(columns: readonly ExportColumn[], options: DelimitedOptions): Serializer {
  const { delimiter, lineEnd, binary } = options;
  if ([...delimiter].length !== 1 || /["\r\n]/.test(delimiter)) throw new Error('The delimiter must be one character other than a quote or a line break.');
  const needsQuotes = (text: string) => text === '' || text.includes(delimiter) || /["\r\n]/.test(text);
  const field = (text: string | null) => (text === null ? '' : needsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text);
  return {
    begin: () => (options.header ? columns.map((column) => field(column.name)).join(delimiter) + lineEnd : ''),
    rows(source: RowSource, from: number, to: number) {
      const lines: string[] = [];
      for (let row = from; row < to; row++) {
        const fields = new Array<string>(columns.length);
        for (let column = 0; column < columns.length; column++) fields[column] = field(plainText(source, row, column, binary));
        lines.push(fields.join(delimiter) + lineEnd);
      }
      return lines.join('');
    },
    end: () => '',
  };
}
