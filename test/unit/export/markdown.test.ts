import { describe, expect, it } from 'vitest';
import { createSerializer } from '../../../shared/export/create-serializer';
import { cellRowsSource } from '../../../shared/export/row-source';
import { serializeAll } from '../../../shared/export/serializer';
import { COLUMNS, hostileBatch } from './fixtures';

describe('Markdown export', () => {
  it('writes a table with escaped pipes, backslashes and line breaks; NULL apart from the empty string', () => {
    const columns = [
      { name: 'a|b', dataType: 'text', category: 'text' as const },
      { name: 'n', dataType: 'int4', category: 'number' as const },
    ];
    const rows = [
      ['x | y', '1'],
      ['two\nlines\r\nthree', null],
      ['', '-5'],
      ['back\\slash', '2'],
    ];
    expect(serializeAll(createSerializer('markdown', columns), [cellRowsSource(rows, columns)])).toBe(
      '| a\\|b | n |\n| --- | ---: |\n| x \\| y | 1 |\n| two<br>lines<br>three | NULL |\n|  | -5 |\n| back\\\\slash | 2 |\n',
    );
  });

  it('keeps one line per row and the same cell count on every line for hostile values', () => {
    const markdown = serializeAll(createSerializer('markdown', COLUMNS), [hostileBatch()]);
    const lines = markdown.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + 8);
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length - 2).toBe(COLUMNS.length);
    expect(lines[2 + 5]).toContain('ünïcødé 🐘 日本');
  });
});
