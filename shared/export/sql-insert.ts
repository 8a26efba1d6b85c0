import { qualifiedName, quoteIdentifier } from '../sql/quote';
import type { ExportColumn, RowSource } from './row-source';
import type { Serializer, SqlDialect } from './serializer';
import { sqlLiteral } from './sql-literal';

export interface SqlInsertOptions {
  dialect: SqlDialect;
  /** The target table's name parts, e.g. ['public', 'orders']; each is quoted for the dialect. */
  table: readonly string[];
}

/** One INSERT statement per row, with the table and columns quoted and every value a literal of the dialect. */
export function sqlInsertSerializer(columns: readonly ExportColumn[], options: SqlInsertOptions): Serializer {
  const { dialect } = options;
  if (options.table.length === 0 || options.table.some((part) => part === '')) throw new Error('Name the table the INSERT statements are for.');
  const prefix = `INSERT INTO ${qualifiedName(dialect, [...options.table])} (${columns.map((column) => quoteIdentifier(dialect, column.name)).join(', ')}) VALUES (`;
  return {
    begin: () => '',
    rows(source: RowSource, from: number, to: number) {
      if (columns.length === 0) return '';
      const statements: string[] = [];
      for (let row = from; row < to; row++) {
        const values = new Array<string>(columns.length);
        for (let column = 0; column < columns.length; column++) {
          const text = source.cell(row, column);
          values[column] = sqlLiteral(dialect, columns[column], text, text === null ? null : source.binary(row, column));
        }
        statements.push(prefix + values.join(', ') + ');\n');
      }
      return statements.join('');
    },
    end: () => '',
  };
}
