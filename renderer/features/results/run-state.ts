import type { StrataError } from '../../../shared/errors';
import type { QueryEvent, RunStatus } from '../../../shared/model/query';

/** Where a run is: waiting for the connection and the host, streaming, or finished with a status. */
export type RunPhase = 'starting' | 'running' | RunStatus;

export interface StatementOutcome {
  index: number;
  sql: string;
  /** Where the statement starts in the editor's text. */
  offset: number;
  hasColumns: boolean;
  rowCount: number | null;
  affectedRows: number | null;
  command: string | null;
  durationMs: number | null;
  notices: string[];
  error: StrataError | null;
  /** Where in the editor the server says the error is, when it said so. */
  errorOffset: number | null;
  finished: boolean;
}

/** One tab's latest run. Its rows live in the result store, under runId and the statement's index. */
export interface TabRun {
  runId: string;
  connectionId: string;
  phase: RunPhase;
  /** Date.now() when the run was asked for. */
  startedAt: number;
  durationMs: number | null;
  statements: StatementOutcome[];
  /** Why the run never started: the connection could not be opened or the host refused the request. */
  startError: StrataError | null;
  cancelRequested: boolean;
}

export function startRun(runId: string, connectionId: string, startedAt: number): TabRun {
  return {
    runId,
    connectionId,
    phase: 'starting',
    startedAt,
    durationMs: null,
    statements: [],
    startError: null,
    cancelRequested: false,
  };
}

export function isRunActive(run: TabRun | undefined): boolean {
  return run !== undefined && (run.phase === 'starting' || run.phase === 'running');
}

export function failRunStart(run: TabRun, error: StrataError, now: number): TabRun {
  return { ...run, phase: 'error', startError: error, durationMs: now - run.startedAt };
}

/** Ends a run whose end the host will not report (it no longer knows the run). */
export function finishRun(run: TabRun, phase: RunStatus, now: number): TabRun {
  if (!isRunActive(run)) return run;
  return { ...run, phase, durationMs: now - run.startedAt };
}

/** The run after one event from the host. Row batches go to the result store, not here. */
export function applyQueryEvent(run: TabRun, event: QueryEvent): TabRun {
  if (event.runId !== run.runId || event.type === 'batch' || event.type === 'spooled') return run;
  switch (event.type) {
    case 'statement-start':
      return withStatement({ ...run, phase: phaseWhileStreaming(run) }, event.index, () => ({
        ...emptyOutcome(event.index),
        sql: event.sql,
        offset: event.offset,
      }));
    case 'columns':
      return withStatement(run, event.index, (s) => (s.hasColumns ? s : { ...s, hasColumns: true }));
    case 'notice':
      return withStatement(run, event.index, (s) => ({ ...s, notices: [...s.notices, event.message] }));
    case 'statement-end':
      return withStatement(run, event.index, (s) => ({
        ...s,
        rowCount: event.rowCount,
        affectedRows: event.affectedRows,
        command: event.command,
        durationMs: event.durationMs,
        finished: true,
      }));
    case 'statement-error':
      return withStatement(run, event.index, (s) => ({
        ...s,
        error: event.error,
        errorOffset: errorOffset(s, event.error),
        finished: true,
      }));
    case 'run-end':
      return { ...run, phase: event.status, durationMs: event.durationMs };
  }
}

function phaseWhileStreaming(run: TabRun): RunPhase {
  return run.phase === 'starting' ? 'running' : run.phase;
}

function emptyOutcome(index: number): StatementOutcome {
  return {
    index,
    sql: '',
    offset: 0,
    hasColumns: false,
    rowCount: null,
    affectedRows: null,
    command: null,
    durationMs: null,
    notices: [],
    error: null,
    errorOffset: null,
    finished: false,
  };
}

function withStatement(run: TabRun, index: number, change: (s: StatementOutcome) => StatementOutcome): TabRun {
  const statements = [...run.statements];
  const position = statements.findIndex((s) => s.index === index);
  if (position === -1) {
    statements.push(change(emptyOutcome(index)));
    statements.sort((a, b) => a.index - b.index);
  } else {
    statements[position] = change(statements[position]);
  }
  return { ...run, statements };
}

/** The server counts characters (code points) from 1; the editor counts UTF-16 units from 0. */
function errorOffset(statement: StatementOutcome, error: StrataError): number | null {
  const position = error.detail?.position;
  if (position === undefined || !Number.isInteger(position) || position < 1) return null;
  return statement.offset + utf16Index(statement.sql, position - 1);
}

export function utf16Index(text: string, codePoints: number): number {
  let units = 0;
  let seen = 0;
  while (seen < codePoints && units < text.length) {
    const code = text.codePointAt(units) as number;
    units += code > 0xffff ? 2 : 1;
    seen++;
  }
  return units;
}

/** The outcomes that carry a result grid, in order. */
export function resultStatements(run: TabRun | undefined): StatementOutcome[] {
  return run ? run.statements.filter((s) => s.hasColumns) : [];
}

/** Which part of the results panel a tab shows: a statement's grid, or the Messages list. */
export type ResultView = { kind: 'result'; index: number } | { kind: 'messages' };

/**
 * The user's pick while it still exists; otherwise Messages when something failed (the error matters
 * more than earlier rows), else the first result grid, else Messages.
 */
export function pickResultView(run: TabRun | undefined, chosen: ResultView | undefined): ResultView {
  const results = resultStatements(run);
  if (chosen?.kind === 'messages') return chosen;
  if (chosen?.kind === 'result' && results.some((s) => s.index === chosen.index)) return chosen;
  const failed = run !== undefined && (run.startError !== null || run.statements.some((s) => isFailure(s)));
  if (failed || results.length === 0) return { kind: 'messages' };
  return { kind: 'result', index: results[0].index };
}

/** A statement that failed, as opposed to one the user cancelled. */
export function isFailure(statement: StatementOutcome): boolean {
  return statement.error !== null && statement.error.code !== 'CANCELLED';
}
