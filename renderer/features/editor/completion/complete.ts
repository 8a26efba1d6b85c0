import { statementAt, type SplitDialect } from '../../../../shared/sql/split';
import type { CompletionCatalog } from './completion-catalog';
import { splitDialectOf, type CompletionDialect } from './completion-dialect';
import { loadForContext } from './scope-resolution';
import { analyzeStatement, type CompletionContext } from './statement-context';
import { suggest, type SuggestionList } from './suggest';

export interface CompletionResult extends SuggestionList {
  /** Offsets in the editor's text: the typed name runs from `start` to the cursor, its token to `end`. */
  start: number;
  end: number;
  /** The name is being typed inside quotes (its opening quote at `start`). */
  quoted: boolean;
}

/**
 * How much text around the cursor is split into statements on each keystroke. Splitting costs about
 * 0.2 ms per KB, so a long script is cut to whole lines around the cursor first.
 */
const SPLIT_BEFORE = 12_000;
const SPLIT_AFTER = 4_000;

function linesAround(text: string, offset: number): { window: string; from: number } {
  if (text.length <= SPLIT_BEFORE + SPLIT_AFTER) return { window: text, from: 0 };
  const from = offset <= SPLIT_BEFORE ? 0 : text.lastIndexOf('\n', offset - SPLIT_BEFORE) + 1;
  const to = text.indexOf('\n', offset + SPLIT_AFTER);
  return { window: text.slice(from, to === -1 ? text.length : to), from };
}

/**
 * The context at `offset` in the editor's text, analysed within the statement under the cursor. After
 * a statement's delimiter the cursor starts a new, empty statement.
 */
export function contextAt(text: string, offset: number, dialect: SplitDialect): { context: CompletionContext; base: number } {
  const { window, from } = linesAround(text, offset);
  const cursor = offset - from;
  const statement = statementAt(window, dialect, cursor);
  const inside = statement !== null && statement.offset <= cursor && (cursor <= statement.end || !window.slice(statement.end, cursor).includes(';'));
  if (!statement || !inside) return { context: analyzeStatement('', 0, dialect), base: offset };
  const sql = window.slice(statement.offset, Math.max(statement.end, cursor));
  return { context: analyzeStatement(sql, cursor - statement.offset, dialect), base: from + statement.offset };
}

/**
 * Loads what the cursor's context needs from the catalog (usually already there), then ranks the
 * suggestions. `catalog` is null while the tab's connection is not open: keywords and functions only.
 */
export async function completeAt(text: string, offset: number, dialect: CompletionDialect, catalog: CompletionCatalog | null): Promise<CompletionResult> {
  const { context, base } = contextAt(text, offset, splitDialectOf(dialect));
  if (catalog && context.clause !== 'none') await loadForContext(context, catalog);
  const { prefix } = context;
  return { ...suggest(context, catalog, dialect), start: base + prefix.start, end: base + prefix.end, quoted: prefix.quote !== null };
}
