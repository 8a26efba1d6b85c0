import type { ExportColumn, RowSource } from './row-source';
import type { Serializer } from './serializer';

/** Text that cannot break the table: backslashes and pipes escaped, line breaks as <br>. */
export function markdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r\n|\r|\n/g, '<br>');
}

/** A GitHub-flavoured Markdown table; numeric columns are right-aligned, NULL is written NULL. */
export function markdownSerializer(columns: readonly ExportColumn[]): Serializer {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |\n`;
  return {
    begin: () =>
      columns.length === 0
        ? ''
        : line(columns.map((column) => markdownCell(column.name))) + line(columns.map((column) => (column.category === 'number' ? '---:' : '---'))),
    rows(source: RowSource, from: number, to: number) {
      if (columns.length === 0) return '';
      const lines: string[] = [];
      for (let row = from; row < to; row++) {
        const cells = new Array<string>(columns.length);
        for (let column = 0; column < columns.length; column++) {
          const text = source.cell(row, column);
          cells[column] = text === null ? 'NULL' : markdownCell(text);
        }
        lines.push(line(cells));
      }
      return lines.join('');
    },
    end: () => '',
  };
}
