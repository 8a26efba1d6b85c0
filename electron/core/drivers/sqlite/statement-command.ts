/** The first keyword of a statement, upper-cased, skipping whitespace and comments: INSERT, CREATE, PRAGMA… */
export function leadingKeyword(sql: string): string | null {
  let index = 0;
  while (index < sql.length) {
    if (/\s/.test(sql[index])) {
      index++;
    } else if (sql.startsWith('--', index)) {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', index)) {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
    } else {
      break;
    }
  }
  const match = /^[A-Za-z]+/.exec(sql.slice(index, index + 64));
  return match ? match[0].toUpperCase() : null;
}

const DATA_CHANGES = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);

/** The command tag of a statement that returns rows. A leading WITH is reported as the SELECT it usually is. */
export function readerCommand(sql: string): string | null {
  const keyword = leadingKeyword(sql);
  return keyword === 'WITH' ? 'SELECT' : keyword;
}

/** Whether a row-returning statement changes data (… RETURNING), so that its rows count as affected rows. */
export function isDataChange(command: string | null): boolean {
  return command !== null && DATA_CHANGES.has(command);
}
