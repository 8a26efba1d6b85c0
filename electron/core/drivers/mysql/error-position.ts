/** "… near 'frm x where' at line 2": the rest of the statement from the error on, cut by the server. */
const NEAR_AT_LINE = /near '([\s\S]*)' at line (\d+)$/;

/**
 * The 1-based position within `sql` of the error a MySQL syntax message points at, or undefined when
 * the message names no place. Text near the end of the statement ('') points just past its last word.
 */
export function syntaxErrorPosition(message: string, sql: string): number | undefined {
  const match = NEAR_AT_LINE.exec(message);
  if (!match) return undefined;
  const [, near, lineText] = match;
  const lineStart = startOfLine(sql, Number(lineText));
  if (lineStart === undefined) return undefined;
  if (near === '') return sql.trimEnd().length + 1;
  const found = sql.indexOf(near, lineStart);
  if (found !== -1) return found + 1;
  // The server may have cut the text inside a character it converted: point at the line instead.
  const firstWord = sql.slice(lineStart).search(/\S/);
  return lineStart + Math.max(firstWord, 0) + 1;
}

/** Offset of the first character of 1-based line `line`, counting \n as the server does. */
function startOfLine(sql: string, line: number): number | undefined {
  if (!Number.isInteger(line) || line < 1) return undefined;
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = sql.indexOf('\n', offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}
