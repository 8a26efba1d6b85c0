import type { StrataError } from '../../../shared/errors';
import { describeOutcome, formatDuration } from './format-figures';
import { isFailure, type StatementOutcome, type TabRun } from './run-state';

const SQL_PREVIEW_LENGTH = 160;

function sqlPreview(sql: string): string {
  const oneLine = sql.replace(/\s+/g, ' ').trim();
  return oneLine.length > SQL_PREVIEW_LENGTH ? `${oneLine.slice(0, SQL_PREVIEW_LENGTH)}…` : oneLine;
}

function ErrorDetails({ error }: { error: StrataError }) {
  const facts = [error.code, error.detail?.sqlState ? `SQLSTATE ${error.detail.sqlState}` : null, error.detail?.position ? `at character ${error.detail.position}` : null];
  return (
    <div className="message-error-detail">
      <div className="message-error-text">{error.message}</div>
      {error.detail?.hint ? <div className="message-hint">Hint: {error.detail.hint}</div> : null}
      <div className="message-facts">{facts.filter(Boolean).join(' · ')}</div>
    </div>
  );
}

function StatementMessage({ statement }: { statement: StatementOutcome }) {
  const state = statement.error ? (isFailure(statement) ? 'error' : 'cancelled') : statement.finished ? 'ok' : 'running';
  const outcome = { error: 'Failed', cancelled: 'Cancelled', ok: describeOutcome(statement), running: 'Running…' }[state];
  return (
    <li className={`message message-${state}`}>
      <div className="message-head">
        <span className="message-mark" aria-hidden="true">
          {{ error: '✕', cancelled: '■', ok: '✓', running: '…' }[state]}
        </span>
        <span className="message-number">Statement {statement.index + 1}</span>
        <span className="message-outcome">{outcome}</span>
        {statement.durationMs !== null ? <span className="message-duration">{formatDuration(statement.durationMs)}</span> : null}
      </div>
      <div className="message-sql">{sqlPreview(statement.sql)}</div>
      {statement.notices.map((notice, i) => (
        <div key={i} className="message-notice">
          {notice}
        </div>
      ))}
      {statement.error && state === 'error' ? <ErrorDetails error={statement.error} /> : null}
    </li>
  );
}

function runSummary(run: TabRun): string {
  const count = run.statements.length;
  const statements = `${count} ${count === 1 ? 'statement' : 'statements'}`;
  const took = run.durationMs !== null ? ` in ${formatDuration(run.durationMs)}` : '';
  switch (run.phase) {
    case 'starting':
      return 'Opening the connection…';
    case 'running':
      return `Running… ${statements} so far`;
    case 'ok':
      return `Finished ${statements}${took}`;
    case 'cancelled':
      return `Cancelled after ${statements}${took}`;
    case 'error':
      return run.startError ? 'The query could not start' : `Stopped with an error after ${statements}${took}`;
  }
}

/** What each statement did: command, rows, time, notices and errors, all as plain text. */
export function MessagesView({ run }: { run: TabRun }) {
  return (
    <div className="messages" aria-label="Messages">
      <div className={`messages-summary messages-summary-${run.phase}`}>{runSummary(run)}</div>
      <ol className="message-list">
        {run.startError ? (
          <li className="message message-error">
            <ErrorDetails error={run.startError} />
          </li>
        ) : null}
        {run.statements.map((statement) => (
          <StatementMessage key={statement.index} statement={statement} />
        ))}
      </ol>
    </div>
  );
}
