import { monaco } from '../monaco-setup';
import { SQL_LANGUAGES } from '../sql-languages';
import { tabConnectionOf } from '../tab-connection';
import { completionCatalog, isSqlEngine, watchCompletionCatalogs } from './catalog-registry';
import { completeAt } from './complete';
import { completionDialectFor } from './completion-dialect';
import type { Suggestion, SuggestionKind } from './suggest';

const ITEM_KIND: Record<SuggestionKind, monaco.languages.CompletionItemKind> = {
  column: monaco.languages.CompletionItemKind.Field,
  table: monaco.languages.CompletionItemKind.Struct,
  view: monaco.languages.CompletionItemKind.Interface,
  schema: monaco.languages.CompletionItemKind.Module,
  alias: monaco.languages.CompletionItemKind.Variable,
  function: monaco.languages.CompletionItemKind.Function,
  keyword: monaco.languages.CompletionItemKind.Keyword,
};

function toItem(suggestion: Suggestion, range: monaco.languages.CompletionItem['range']): monaco.languages.CompletionItem {
  return {
    // The description is drawn as text beside every item: a column's type and table, a table's schema.
    label: { label: suggestion.label, description: suggestion.detail },
    kind: ITEM_KIND[suggestion.kind],
    insertText: suggestion.insertText,
    insertTextRules: suggestion.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
    filterText: suggestion.filterText,
    sortText: suggestion.sortText,
    range,
  };
}

const provider: monaco.languages.CompletionItemProvider = {
  triggerCharacters: ['.', '"', '`'],
  async provideCompletionItems(model, position, _context, token) {
    const target = tabConnectionOf(model);
    if (!target || (target.engine !== null && !isSqlEngine(target.engine))) return undefined;
    // Before the connection opens there is no catalog: the engine's keywords and functions still come.
    const catalog = target.connectionId === null ? null : completionCatalog(target.connectionId);
    const offset = model.getOffsetAt(position);
    const result = await completeAt(model.getValue(), offset, completionDialectFor(target.engine), catalog);
    if (token.isCancellationRequested) return undefined;
    const start = model.getPositionAt(result.start);
    const end = model.getPositionAt(result.end);
    // A name in quotes may span lines; the editor only replaces within the cursor's line.
    if (start.lineNumber !== position.lineNumber) return { suggestions: [] };
    const insert = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
    const replace = end.lineNumber === position.lineNumber ? new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column) : insert;
    // Inside a closed quoted name (the editor closes quotes as they are typed) the closing quote goes too.
    const range = result.quoted && result.end > offset ? replace : { insert, replace };
    // Every item's filterText is the typed text, so the editor cannot narrow the list itself as the
    // user types on: marked incomplete, it asks again on each keystroke and the ranking stays ours.
    return { suggestions: result.suggestions.map((suggestion) => toItem(suggestion, range)), incomplete: true };
  },
};

let registered = false;

/** Registers schema-aware completion once for the three SQL languages, and starts dropping stale catalogs. */
export function registerSqlCompletion(): void {
  if (registered) return;
  registered = true;
  watchCompletionCatalogs();
  monaco.languages.registerCompletionItemProvider(SQL_LANGUAGES, provider);
}
