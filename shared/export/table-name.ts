const PART = String.raw`(?:"(?:[^"]|"")+"|\x60(?:[^\x60]|\x60\x60)+\x60|\[[^\]]+\]|[\p{L}_][\p{L}\p{N}_$]*)`;
const FROM_TABLE = new RegExp(String.raw`^\s*select\b[\s\S]*?\bfrom\s+(${PART}(?:\s*\.\s*${PART})*)`, 'iu');

function unquote(part: string): string {
  if (part.startsWith('"')) return part.slice(1, -1).replaceAll('""', '"');
  if (part.startsWith('`')) return part.slice(1, -1).replaceAll('``', '`');
  if (part.startsWith('[')) return part.slice(1, -1);
  return part;
}

/**
 * The table a SELECT reads from, as name parts, to suggest as the target of exported INSERTs; null
 * when the statement does not start with SELECT … FROM name.
 */
export function guessTableName(sql: string): string[] | null {
  const match = FROM_TABLE.exec(sql);
  if (!match) return null;
  const parts = match[1].match(new RegExp(PART, 'gu'));
  return parts ? parts.map(unquote) : null;
}

/**
 * Name parts from a dotted name as a user types it: "my schema".orders, `db`.`t`, or plain words;
 * null when the text is not such a name.
 */
export function parseQualifiedName(text: string): string[] | null {
  const whole = new RegExp(String.raw`^\s*${PART}(?:\s*\.\s*${PART})*\s*$`, 'u');
  if (!whole.test(text)) return null;
  return (text.match(new RegExp(PART, 'gu')) ?? []).map(unquote);
}
