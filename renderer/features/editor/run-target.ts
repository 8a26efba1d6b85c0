import type { Engine } from '../../../shared/model/connection';
import { statementAt, type SplitDialect } from '../../../shared/sql/split';

export type RunScope = 'statement' | 'all';

export interface EditorRunTarget {
  sql: string;
  /** Where `sql` starts in the editor's text. */
  offset: number;
}

export function dialectFor(engine: Engine | null): SplitDialect {
  if (engine === 'mysql' || engine === 'sqlite') return engine;
  return 'postgres';
}

/**
 * What Run executes: everything for 'all'; otherwise the selection when there is one, else the
 * statement under (or just before) the cursor. Null when there is nothing but whitespace.
 */
export function pickRunTarget(
  text: string,
  selection: { start: number; end: number },
  scope: RunScope,
  dialect: SplitDialect,
): EditorRunTarget | null {
  if (scope === 'all') return text.trim() ? { sql: text, offset: 0 } : null;
  if (selection.end > selection.start) {
    const sql = text.slice(selection.start, selection.end);
    return sql.trim() ? { sql, offset: selection.start } : null;
  }
  const statement = statementAt(text, dialect, selection.start);
  return statement ? { sql: statement.sql, offset: statement.offset } : null;
}
