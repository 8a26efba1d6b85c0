import { useStore } from '../../store';
import { StopIcon } from '../editor/editor-icons';
import { cancelActiveTab, effectiveConnectionId } from '../editor/editor-commands';
import { describeStorage, formatDuration, formatRate, formatRows } from './format-figures';
import { isFailure, isRunActive, pickResultView, resultStatements, type TabRun } from './run-state';
import { useElapsed } from './use-elapsed';
import { useResultFigures } from './use-result-figures';
import './results.css';

/** The statement whose row count the status bar shows: the one on screen, else the latest with rows. */
function countedStatement(run: TabRun | undefined, view: ReturnType<typeof pickResultView>): number | null {
  const results = resultStatements(run);
  if (view.kind === 'result' && results.some((s) => s.index === view.index)) return view.index;
  return results.length > 0 ? results[results.length - 1].index : null;
}

function RunStatus({ run, countedIndex }: { run: TabRun; countedIndex: number | null }) {
  const active = isRunActive(run);
  const elapsed = useElapsed(run.startedAt, active);
  const figures = useResultFigures(run.runId, countedIndex, active);
  const rowsText = countedIndex !== null ? formatRows(figures.rows) : null;
  const storage = countedIndex !== null ? describeStorage(figures.spooledRows) : null;
  const duration = run.durationMs !== null ? formatDuration(run.durationMs) : null;

  if (active) {
    const rate = figures.rowsPerSecond !== null && rowsText ? formatRate(figures.rowsPerSecond) : null;
    const progress = [rowsText, rate, storage].filter(Boolean).join(' · ');
    return (
      <span className="status-run status-running">
        <span className="status-spinner" aria-hidden="true" />
        Running…{progress ? ` ${progress}` : ''}
        <span className="status-elapsed" aria-hidden="true">
          {` · ${formatDuration(elapsed)}`}
        </span>
      </span>
    );
  }
  if (run.phase === 'cancelled') return <span className="status-run status-cancelled">{['Cancelled', rowsText, duration, storage].filter(Boolean).join(' · ')}</span>;
  if (run.phase === 'error') {
    const failed = run.statements.find(isFailure);
    const where = failed && run.statements.length > 1 ? ` in statement ${failed.index + 1}` : '';
    return <span className="status-run status-error">{[`Error${where}`, duration].filter(Boolean).join(' · ')}</span>;
  }
  const affected = run.statements.reduce((sum, s) => sum + (s.affectedRows ?? 0), 0);
  const outcome = rowsText ?? (run.statements.some((s) => s.affectedRows !== null) ? `${formatRows(affected)} affected` : 'Done');
  return <span className="status-run status-ok">{[outcome, duration, storage].filter(Boolean).join(' · ')}</span>;
}

/** The bottom line: the tab's connection, what its query is doing, and a way to stop it. */
export function StatusBar() {
  const tabId = useStore((s) => s.activeTabId);
  const connection = useStore((s) => {
    const tab = s.tabs.find((t) => t.id === s.activeTabId);
    const id = effectiveConnectionId(tab?.connectionId ?? null, s.activeConnectionId);
    return s.connections.find((c) => c.id === id) ?? null;
  });
  const run = useStore((s) => (tabId ? s.runs[tabId] : undefined));
  const chosen = useStore((s) => (tabId ? s.resultViews[tabId] : undefined));
  const active = isRunActive(run);

  return (
    <footer className="status-bar" role="status">
      <span className="status-connection">
        <span className="status-dot" style={connection ? { background: connection.color } : undefined} aria-hidden="true" />
        {connection ? connection.name : 'No connection'}
        {connection?.readOnly ? <span className="status-badge">read-only</span> : null}
      </span>
      {run ? <RunStatus key={run.runId} run={run} countedIndex={countedStatement(run, pickResultView(run, chosen))} /> : null}
      {active ? (
        <button type="button" className="status-stop" title="Cancel the running query (Esc)" disabled={run?.cancelRequested} onClick={() => cancelActiveTab()}>
          <StopIcon size={10} />
          Stop
        </button>
      ) : null}
    </footer>
  );
}
