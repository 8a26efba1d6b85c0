import { describe, expect, it } from 'vitest';
import {
  applyQueryEvent,
  failRunStart,
  finishRun,
  isRunActive,
  pickResultView,
  resultStatements,
  startRun,
  utf16Index,
  type TabRun,
} from '../../../renderer/features/results/run-state';
import type { QueryEvent } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';

const runId = 'run-1';
const apply = (run: TabRun, events: QueryEvent[]) => events.reduce(applyQueryEvent, run);

describe('run state', () => {
  it('follows a two-statement run from start to end', () => {
    let run = startRun(runId, 'conn', 1000);
    expect(run.phase).toBe('starting');
    expect(isRunActive(run)).toBe(true);
    run = apply(run, [
      { type: 'statement-start', runId, index: 0, sql: 'select 1', offset: 10 },
      { type: 'columns', runId, index: 0, columns: [{ name: '?column?', dataType: 'int4', category: 'number' }] },
      { type: 'batch', runId, index: 0, firstRow: 0, batch: encodeResultBatch([{ kind: 'text', values: ['1'] }], 1) },
      { type: 'spooled', runId, index: 0, spooledFrom: 1, rowCount: 1 },
      { type: 'statement-end', runId, index: 0, rowCount: 1, affectedRows: null, command: 'SELECT', durationMs: 3 },
    ]);
    expect(run.phase).toBe('running');
    run = apply(run, [
      { type: 'statement-start', runId, index: 1, sql: 'update t set a = 1', offset: 20 },
      { type: 'notice', runId, index: 1, message: 'careful' },
      { type: 'statement-end', runId, index: 1, rowCount: 0, affectedRows: 4, command: 'UPDATE', durationMs: 5 },
      { type: 'run-end', runId, status: 'ok', durationMs: 12, statements: 2, schemaChanged: false },
    ]);
    expect(run.phase).toBe('ok');
    expect(isRunActive(run)).toBe(false);
    expect(run.durationMs).toBe(12);
    expect(run.statements.map((s) => [s.index, s.offset, s.command, s.finished])).toEqual([
      [0, 10, 'SELECT', true],
      [1, 20, 'UPDATE', true],
    ]);
    expect(run.statements[1].notices).toEqual(['careful']);
    expect(run.statements[1].affectedRows).toBe(4);
    expect(resultStatements(run).map((s) => s.index)).toEqual([0]);
  });

  it("ignores another run's events", () => {
    const run = startRun(runId, 'conn', 0);
    const after = applyQueryEvent(run, { type: 'run-end', runId: 'other', status: 'ok', durationMs: 1, statements: 0, schemaChanged: false });
    expect(after).toBe(run);
  });

  it('places an error marker at the statement offset plus the position, counting characters like the server', () => {
    // "é" is one character, "😀" is one character but two UTF-16 units.
    const sql = "select '😀é', nope";
    const run = apply(startRun(runId, 'conn', 0), [
      { type: 'statement-start', runId, index: 0, sql, offset: 100 },
      {
        type: 'statement-error',
        runId,
        index: 0,
        error: { code: 'QUERY', message: 'column "nope" does not exist', detail: { position: 14, sqlState: '42703' } },
      },
      { type: 'run-end', runId, status: 'error', durationMs: 2, statements: 1, schemaChanged: false },
    ]);
    const statement = run.statements[0];
    expect(statement.error?.message).toBe('column "nope" does not exist');
    expect(statement.errorOffset).toBe(100 + sql.indexOf('nope'));
    expect(run.phase).toBe('error');
  });

  it('has no marker when the server gives no position', () => {
    const run = apply(startRun(runId, 'conn', 0), [
      { type: 'statement-start', runId, index: 0, sql: 'bad', offset: 0 },
      { type: 'statement-error', runId, index: 0, error: { code: 'QUERY', message: 'syntax error' } },
    ]);
    expect(run.statements[0].errorOffset).toBeNull();
  });

  it('records a run that failed to start, and finishes a run the host forgot', () => {
    const failed = failRunStart(startRun(runId, 'conn', 1000), { code: 'CONNECTION', message: 'refused' }, 1500);
    expect(failed.phase).toBe('error');
    expect(failed.startError?.message).toBe('refused');
    expect(failed.durationMs).toBe(500);
    const cancelled = finishRun(startRun(runId, 'conn', 0), 'cancelled', 40);
    expect(cancelled.phase).toBe('cancelled');
    expect(finishRun(cancelled, 'ok', 90)).toBe(cancelled);
  });

  it('converts code points to UTF-16 offsets', () => {
    expect(utf16Index('abc', 2)).toBe(2);
    expect(utf16Index('😀x', 1)).toBe(2);
    expect(utf16Index('ab', 10)).toBe(2);
  });
});

describe('pickResultView', () => {
  const withResults = apply(startRun(runId, 'conn', 0), [
    { type: 'statement-start', runId, index: 0, sql: 'update t set a = 1', offset: 0 },
    { type: 'statement-end', runId, index: 0, rowCount: 0, affectedRows: 1, command: 'UPDATE', durationMs: 1 },
    { type: 'statement-start', runId, index: 1, sql: 'select 1', offset: 20 },
    { type: 'columns', runId, index: 1, columns: [{ name: 'a', dataType: 'int4', category: 'number' }] },
    { type: 'statement-start', runId, index: 2, sql: 'select 2', offset: 30 },
    { type: 'columns', runId, index: 2, columns: [{ name: 'b', dataType: 'int4', category: 'number' }] },
  ]);

  it('shows the first result grid by default and keeps a valid pick', () => {
    expect(pickResultView(withResults, undefined)).toEqual({ kind: 'result', index: 1 });
    expect(pickResultView(withResults, { kind: 'result', index: 2 })).toEqual({ kind: 'result', index: 2 });
    expect(pickResultView(withResults, { kind: 'result', index: 7 })).toEqual({ kind: 'result', index: 1 });
    expect(pickResultView(withResults, { kind: 'messages' })).toEqual({ kind: 'messages' });
  });

  it('keeps showing the rows received before a cancel', () => {
    const cancelled = apply(withResults, [
      { type: 'statement-error', runId, index: 2, error: { code: 'CANCELLED', message: 'The query was cancelled.' } },
      { type: 'run-end', runId, status: 'cancelled', durationMs: 9, statements: 3, schemaChanged: false },
    ]);
    expect(pickResultView(cancelled, undefined)).toEqual({ kind: 'result', index: 1 });
  });

  it('shows Messages when something failed or nothing returned rows', () => {
    const failed = applyQueryEvent(withResults, { type: 'statement-error', runId, index: 2, error: { code: 'QUERY', message: 'boom' } });
    expect(pickResultView(failed, undefined)).toEqual({ kind: 'messages' });
    expect(pickResultView(undefined, undefined)).toEqual({ kind: 'messages' });
    expect(pickResultView(startRun(runId, 'conn', 0), undefined)).toEqual({ kind: 'messages' });
  });
});
