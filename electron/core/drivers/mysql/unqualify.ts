import { quoteIdentifier } from '../../../../shared/sql/quote';

/**
 * `sql` without the `database`. qualifier in front of names, outside string literals. SHOW CREATE VIEW
 * qualifies every name with the view's database (and writes no comments); without it the statement
 * runs in whichever database is current.
 */
export function withoutDatabaseQualifier(sql: string, database: string): string {
  const qualifier = `${quoteIdentifier('mysql', database)}.`;
  let result = '';
  let index = 0;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '`') {
      const end = quotedEnd(sql, index, '`');
      if (end === index + qualifier.length - 2 && sql.startsWith(qualifier, index)) {
        index += qualifier.length;
        continue;
      }
      result += sql.slice(index, end + 1);
      index = end + 1;
    } else if (char === "'" || char === '"') {
      const end = quotedEnd(sql, index, char);
      result += sql.slice(index, end + 1);
      index = end + 1;
    } else {
      result += char;
      index += 1;
    }
  }
  return result;
}

/** The index of the quote closing the quoted text opening at `start`; doubled quotes and (in strings) backslashes escape. */
function quotedEnd(sql: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index];
    if (char === '\\' && quote !== '`') index += 2;
    else if (char === quote && sql[index + 1] === quote) index += 2;
    else if (char === quote) return index;
    else index += 1;
  }
  return sql.length - 1;
}
