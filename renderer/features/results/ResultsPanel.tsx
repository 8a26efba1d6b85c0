import { useState } from 'react';
import { guessTableName } from '../../../shared/export/table-name';
import { useStore } from '../../store';
import { ExportDialog } from '../export/ExportDialog';
import { sqlDialectOf } from '../export/sql-dialect';
import { ExplainResult } from '../explain/ExplainResult';
import { SHORTCUTS } from '../editor/shortcuts';
import { formatRows } from './format-figures';
import { MessagesView } from './MessagesView';
import { ResultGrid } from './ResultGrid';
import { isFailure, isRunActive, pickResultView, resultStatements, type StatementOutcome, type TabRun } from './run-state';
import { resultStore } from './app-result-store';
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
  const cancelExplain = useStore((s) => s.cancelExplain);
  const engine = useStore((s) => s.connections.find((c) => c.id === run?.connectionId)?.engine);
  const [exporting, setExporting] = useState<{ runId: string; index: number } | null>(null);

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
  const shownResult = run && shown ? resultStore.get(run.runId, shown.index) : undefined;
  const shownStreaming = shown !== undefined && !shown.finished && isRunActive(run);
  const dialect = sqlDialectOf(engine);
  const guessedTable = (shown && guessTableName(shown.sql)) ?? ['result'];
  const canExport = !planShown && shownResult !== undefined && !shownStreaming;
  const openExport = () => {
    if (run && shown && canExport) setExporting({ runId: run.runId, index: shown.index });
  };
  const exportedResult = exporting ? resultStore.get(exporting.runId, exporting.index) : undefined;
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
        {shown && !planShown ? (
          <div className="results-tabs-actions">
            <button
              type="button"
              className="results-action"
              disabled={!canExport}
              title={canExport ? 'Export these rows to a file' : 'Rows are still arriving; export when the statement has finished'}
              onClick={openExport}
            >
              Export…
            </button>
          </div>
        ) : null}
      </div>
      <div className="results-body" role="tabpanel">
        {plan && (planShown || !run) ? (
          <ExplainResult plan={plan} onCancel={() => void cancelExplain(tabId)} />
        ) : !run ? null : shown ? (
          <ResultGrid
            key={`${run.runId}:${shown.index}`}
            runId={run.runId}
            index={shown.index}
            streaming={shownStreaming}
            insertTarget={dialect ? { dialect, table: guessedTable } : null}
            onExport={canExport ? openExport : undefined}
          />
        ) : (
          <MessagesView run={run} />
        )}
      </div>
      {exporting && exportedResult ? (
        <ExportDialog
          result={exportedResult}
          dialect={dialect}
          defaultTable={guessedTable}
          fileBase={guessedTable.at(-1) ?? 'result'}
          onClose={() => setExporting(null)}
        />
      ) : null}
    </section>
  );
}
