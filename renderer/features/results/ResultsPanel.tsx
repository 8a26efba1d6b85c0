import { useStore } from '../../store';
import { ExplainResult } from '../explain/ExplainResult';
import { SHORTCUTS } from '../editor/shortcuts';
import { formatRows } from './format-figures';
import { MessagesView } from './MessagesView';
import { ResultGrid } from './ResultGrid';
import { isFailure, isRunActive, pickResultView, resultStatements, type StatementOutcome, type TabRun } from './run-state';
import { useStatementResult } from './use-result';
import './results.css';

function ResultTab({ run, statement, number, selected, onSelect }: { run: TabRun; statement: StatementOutcome; number: number; selected: boolean; onSelect: () => void }) {
  const rows = useStatementResult(run.runId, statement.index)?.rowCount ?? 0;
  const streaming = !statement.finished && isRunActive(run);
  return (
    <button type="button" role="tab" aria-selected={selected} className={selected ? 'results-tab results-tab-active' : 'results-tab'} onClick={onSelect}>
      Result {number} · {formatRows(rows)}
      {streaming ? '…' : ''}
    </button>
  );
}

/** Under the editor: one tab per statement that returned rows, and Messages. */
export function ResultsPanel({ tabId }: { tabId: string }) {
  const run = useStore((s) => s.runs[tabId]);
  const chosen = useStore((s) => s.resultViews[tabId]);
  const setResultView = useStore((s) => s.setResultView);
  const plan = useStore((s) => s.plans[tabId]);
  const planShown = useStore((s) => s.planShown[tabId] === true) && plan !== undefined;
  const showPlan = useStore((s) => s.showPlan);

  if (!run && !plan) {
    return (
      <section className="results-panel results-hint" aria-label="Results">
        <p className="results-hint-main">Press {SHORTCUTS.run} to run the statement under the cursor</p>
        <p className="results-hint-more">
          {SHORTCUTS.runAll} runs every statement · {SHORTCUTS.cancel} cancels a running query
        </p>
      </section>
    );
  }

  const view = pickResultView(run, chosen);
  const results = resultStatements(run);
  const failures = run ? run.statements.filter(isFailure).length + (run.startError ? 1 : 0) : 0;
  const shown = view.kind === 'result' ? results.find((s) => s.index === view.index) : undefined;
  const pick = (next: Parameters<typeof setResultView>[1]) => {
    showPlan(tabId, false);
    setResultView(tabId, next);
  };

  return (
    <section className="results-panel" aria-label="Results">
      <div className="results-tabs" role="tablist" aria-label="Results">
        {run
          ? results.map((statement, i) => (
              <ResultTab
                key={statement.index}
                run={run}
                statement={statement}
                number={i + 1}
                selected={!planShown && view.kind === 'result' && view.index === statement.index}
                onSelect={() => pick({ kind: 'result', index: statement.index })}
              />
            ))
          : null}
        {run ? (
          <button
            type="button"
            role="tab"
            aria-selected={!planShown && view.kind === 'messages'}
            className={!planShown && view.kind === 'messages' ? 'results-tab results-tab-active' : 'results-tab'}
            onClick={() => pick({ kind: 'messages' })}
          >
            Messages
            {failures > 0 ? <span className="results-tab-badge">{failures}</span> : null}
          </button>
        ) : null}
        {plan ? (
          <button
            type="button"
            role="tab"
            aria-selected={planShown || !run}
            className={planShown || !run ? 'results-tab results-tab-active' : 'results-tab'}
            onClick={() => showPlan(tabId, true)}
          >
            Plan{plan.status === 'running' ? '…' : ''}
          </button>
        ) : null}
      </div>
      <div className="results-body" role="tabpanel">
        {plan && (planShown || !run) ? (
          <ExplainResult plan={plan} />
        ) : !run ? null : shown ? (
          <ResultGrid key={`${run.runId}:${shown.index}`} runId={run.runId} index={shown.index} streaming={!shown.finished && isRunActive(run)} />
        ) : (
          <MessagesView run={run} />
        )}
      </div>
    </section>
  );
}
