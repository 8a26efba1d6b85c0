/**
 * The first keyword of a statement, upper-cased, skipping whitespace and comments (--, # and /* … *\/):
 * SELECT, INSERT, CREATE… Null when the statement starts with none.
 */
export function leadingKeyword(sql: string): string | null {
  let index = 0;
  while (index < sql.length) {
    if (/\s/.test(sql[index])) {
      index++;
    } else if (sql.startsWith('--', index) || sql[index] === '#') {
      const end = sql.indexOf('\n', index);
      index = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', index) && !sql.startsWith('/*!', index)) {
      const end = sql.indexOf('*/', index + 2);
      index = end === -1 ? sql.length : end + 2;
    } else {
      break;
    }
  }
  // A versioned comment (/*!40101 SET … */) is executed: its keyword counts.
  const match = /^(?:\/\*!\d*\s*)?([A-Za-z]+)/.exec(sql.slice(index, index + 80));
  return match ? match[1].toUpperCase() : null;
}

/** The command tag: the first keyword, with a WITH that returned rows reported as the SELECT it is. */
export function commandTag(sql: string, returnedRows: boolean): string | null {
  const keyword = leadingKeyword(sql);
  return keyword === 'WITH' && returnedRows ? 'SELECT' : keyword;
}
