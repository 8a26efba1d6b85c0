import { useStore } from '../../../store';
import { monaco } from '../monaco-setup';
import { SQL_LANGUAGES } from '../sql-languages';
import { tabConnectionOf } from '../tab-connection';
import { formatSql, formatterDialectFor } from './format-sql';

/**
 * The edit that formats `range` of the model in its tab's dialect, or null when there is nothing to
 * change. A formatter error is shown as a notification and changes nothing.
 */
function formatEdit(model: monaco.editor.ITextModel, range: monaco.IRange): monaco.languages.TextEdit | null {
  const text = model.getValueInRange(range);
  if (text.trim() === '') return null;
  const target = tabConnectionOf(model);
  const result = formatSql(text, formatterDialectFor(target?.engine ?? null, target?.serverVersion ?? null), model.getOptions().tabSize);
  if (!result.ok) {
    useStore.getState().notify({ kind: 'error', title: 'Could not format the SQL', message: result.message });
    return null;
  }
  return result.text === text ? null : { range, text: result.text };
}

/** Formats the selection, or the whole text when nothing is selected, as one undo step. */
export function formatInEditor(editor: monaco.editor.ICodeEditor): void {
  const model = editor.getModel();
  if (!model || editor.getOption(monaco.editor.EditorOption.readOnly)) return;
  const selection = editor.getSelection();
  const edit = formatEdit(model, selection && !selection.isEmpty() ? selection : model.getFullModelRange());
  if (!edit) return;
  editor.pushUndoStop();
  editor.executeEdits('strata.format', [edit]);
  editor.pushUndoStop();
}

let registered = false;

/** Lets Monaco's own Format Document and Format Selection use sql-formatter too; registers once. */
export function registerSqlFormatting(): void {
  if (registered) return;
  registered = true;
  monaco.languages.registerDocumentFormattingEditProvider(SQL_LANGUAGES, {
    displayName: 'sql-formatter',
    provideDocumentFormattingEdits: (model) => {
      const edit = formatEdit(model, model.getFullModelRange());
      return edit ? [edit] : [];
    },
  });
  monaco.languages.registerDocumentRangeFormattingEditProvider(SQL_LANGUAGES, {
    displayName: 'sql-formatter',
    provideDocumentRangeFormattingEdits: (model, range) => {
      const edit = formatEdit(model, range);
      return edit ? [edit] : [];
    },
  });
}
