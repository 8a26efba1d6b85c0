import { isFailure, type StatementOutcome, type TabRun } from '../results/run-state';
import { monaco } from './monaco-setup';

const MARKER_OWNER = 'strata-run';

type MarkerRange = Pick<monaco.editor.IMarkerData, 'startLineNumber' | 'startColumn' | 'endLineNumber' | 'endColumn'>;

/** The word at the server's error position, or one character when there is no word there. */
function positionRange(model: monaco.editor.ITextModel, offset: number): MarkerRange {
  const start = model.getPositionAt(offset);
  const word = model.getWordAtPosition(start);
  const endColumn = word && word.startColumn <= start.column && start.column < word.endColumn ? word.endColumn : start.column + 1;
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: start.lineNumber, endColumn };
}

/** The whole statement, for errors the server did not locate (SQLite never does). */
function statementRange(model: monaco.editor.ITextModel, statement: StatementOutcome): MarkerRange {
  const leading = statement.sql.length - statement.sql.trimStart().length;
  const start = model.getPositionAt(statement.offset + leading);
  const end = model.getPositionAt(statement.offset + statement.sql.trimEnd().length);
  return { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: end.lineNumber, endColumn: end.column };
}

/**
 * Red squiggles where the server located each failed statement's error, or under the whole statement
 * when it gave no position; none for a run without errors.
 */
export function showRunErrors(model: monaco.editor.ITextModel, run: TabRun | undefined): void {
  const markers: monaco.editor.IMarkerData[] = [];
  for (const statement of run?.statements ?? []) {
    if (!statement.error || !isFailure(statement)) continue;
    const { code, detail } = statement.error;
    markers.push({
      severity: monaco.MarkerSeverity.Error,
      message: statement.error.message + (detail?.hint ? `\nHint: ${detail.hint}` : ''),
      code: detail?.sqlState ? `${code} ${detail.sqlState}` : code,
      source: 'Strata',
      ...(statement.errorOffset !== null ? positionRange(model, statement.errorOffset) : statementRange(model, statement)),
    });
  }
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
