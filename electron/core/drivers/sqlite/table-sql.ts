import { closingIndex, codeTokens, stringContent, type CodeToken } from '../../../../shared/sql/code-tokens';

/** A CHECK constraint as written in CREATE TABLE: `column` is set for one written on a column. */
export interface CheckClause {
  name: string | null;
  column: string | null;
  /** The expression inside CHECK ( … ), as written. */
  expression: string;
}

/** A UNIQUE constraint as written: on a column, or over a list of columns. */
export interface UniqueClause {
  name: string | null;
  columns: string[];
}

export interface TableClauses {
  checks: CheckClause[];
  uniques: UniqueClause[];
}

const TABLE_CONSTRAINT_STARTS = new Set(['PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

/**
 * The CHECK and UNIQUE constraints of a CREATE TABLE statement as sqlite_schema stores it. SQLite keeps
 * no catalog of them (unique ones only as autoindexes, without their names), so they are read from the
 * statement's own tokens: names in quotes, strings and comments never confuse it.
 */
export function tableClauses(sql: string): TableClauses {
  const tokens = codeTokens(sql, 'sqlite');
  const open = tokens.findIndex((token) => token.kind === 'open');
  const clauses: TableClauses = { checks: [], uniques: [] };
  if (open === -1) return clauses;
  const close = closingIndex(tokens, open);
  for (const item of topLevelItems(tokens, open + 1, close, tokens[open].depth + 1)) readItem(sql, item, clauses);
  return clauses;
}

/** The name a word, quoted identifier or string token stands for. */
export function identifierText(sql: string, token: CodeToken): string {
  if (token.kind === 'string') return stringContent(token);
  if (token.kind !== 'name') return sql.slice(token.offset, token.end);
  const text = token.text;
  if (text.startsWith('[')) return text.slice(1, text.endsWith(']') ? -1 : undefined);
  const quote = text[0];
  if (quote !== '"' && quote !== '`') return text;
  return text.slice(1, text.endsWith(quote) && text.length > 1 ? -1 : undefined).replaceAll(quote + quote, quote);
}

function topLevelItems(tokens: CodeToken[], from: number, to: number, depth: number): CodeToken[][] {
  const items: CodeToken[][] = [[]];
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (token.kind === 'comma' && token.depth === depth) items.push([]);
    else items[items.length - 1].push(token);
  }
  return items.filter((item) => item.length > 0);
}

function readItem(sql: string, item: CodeToken[], clauses: TableClauses): void {
  const isWord = (index: number, word: string) => item[index]?.kind === 'word' && item[index].text === word;
  const startsConstraint = isWord(0, 'CONSTRAINT') || (item[0].kind === 'word' && TABLE_CONSTRAINT_STARTS.has(item[0].text));
  const column = startsConstraint ? null : identifierText(sql, item[0]);
  let pendingName: string | null = null;
  for (let index = startsConstraint ? 0 : 1; index < item.length; index++) {
    const token = item[index];
    if (isWord(index, 'CONSTRAINT') && item[index + 1]) {
      pendingName = identifierText(sql, item[index + 1]);
      index++;
    } else if (isWord(index, 'CHECK') && item[index + 1]?.kind === 'open') {
      const end = closingIndex(item, index + 1);
      clauses.checks.push({ name: pendingName, column, expression: sql.slice(item[index + 1].end, item[end].offset).trim() });
      pendingName = null;
      index = end;
    } else if (isWord(index, 'UNIQUE')) {
      if (column !== null) {
        clauses.uniques.push({ name: pendingName, columns: [column] });
      } else if (item[index + 1]?.kind === 'open') {
        const end = closingIndex(item, index + 1);
        const parts = topLevelItems(item, index + 2, end, item[index + 1].depth + 1);
        clauses.uniques.push({ name: pendingName, columns: parts.map((part) => identifierText(sql, part[0])) });
        index = end;
      }
      pendingName = null;
    } else if (token.kind === 'open') {
      index = closingIndex(item, index);
      pendingName = null;
    } else if (token.kind === 'word' && ['PRIMARY', 'NOT', 'NULL', 'DEFAULT', 'REFERENCES', 'COLLATE', 'GENERATED', 'AS', 'FOREIGN'].includes(token.text)) {
      pendingName = null;
    }
  }
}

/** "BEFORE UPDATE", "INSTEAD OF INSERT": when and on what a CREATE TRIGGER statement fires. */
export function triggerTiming(sql: string): string {
  const tokens = codeTokens(sql, 'sqlite');
  const isWord = (index: number, word: string) => tokens[index]?.kind === 'word' && tokens[index].text === word;
  let index = tokens.findIndex((token) => token.kind === 'word' && token.text === 'TRIGGER') + 1;
  if (isWord(index, 'IF') && isWord(index + 1, 'NOT') && isWord(index + 2, 'EXISTS')) index += 3;
  index += tokens[index + 1]?.kind === 'dot' ? 3 : 1;
  const words: string[] = [];
  for (; index < tokens.length && !isWord(index, 'ON'); index++) words.push(tokens[index].text);
  const timing = words.includes('INSTEAD') ? 'INSTEAD OF' : words.includes('AFTER') ? 'AFTER' : 'BEFORE';
  const event = ['INSERT', 'UPDATE', 'DELETE'].find((candidate) => words.includes(candidate)) ?? '';
  return `${timing} ${event}`.trim();
}
