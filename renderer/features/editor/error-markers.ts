import type { TabRun } from '../results/run-state';
import { monaco } from './monaco-setup';

const MARKER_OWNER = 'strata-run';

/** Red squiggles where the server located each failed statement's error; none for a run without errors. */
export function showRunErrors(model: monaco.editor.ITextModel, run: TabRun | undefined): void {
  const markers: monaco.editor.IMarkerData[] = [];
  for (const statement of run?.statements ?? []) {
    if (!statement.error || statement.errorOffset === null) continue;
    const start = model.getPositionAt(statement.errorOffset);
    const word = model.getWordAtPosition(start);
    const endColumn = word && word.startColumn <= start.column && start.column < word.endColumn ? word.endColumn : start.column + 1;
    const { code, detail } = statement.error;
    markers.push({
      severity: monaco.MarkerSeverity.Error,
      message: statement.error.message + (detail?.hint ? `\nHint: ${detail.hint}` : ''),
      code: detail?.sqlState ? `${code} ${detail.sqlState}` : code,
      source: 'Strata',
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: start.lineNumber,
      endColumn,
    });
  }
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
