import { useStore } from '../../store';
import { isRunActive } from '../results/run-state';
import { ConnectionModeBadge } from '../connections/ConnectionModeBadge';
import { SaveQueryButton } from '../saved-queries/SaveQueryButton';
import { cancelActiveTab, effectiveConnectionId, explainActiveTab, focusEditor, formatActiveTab, runActiveTab } from './editor-commands';
import { PlayIcon, RunAllIcon, StopIcon } from './editor-icons';
import { SHORTCUTS } from './shortcuts';
import { isTabBusy, isTabCancelling } from './tab-busy';

const NO_CONNECTION = '';

/** Above the editor: the tab's connection and its mode, Run, run everything, Cancel, Explain, Format and Save. */
export function Toolbar({ tabId }: { tabId: string }) {
  const tabConnectionId = useStore((s) => s.tabs.find((t) => t.id === tabId)?.connectionId ?? null);
  const activeConnectionId = useStore((s) => s.activeConnectionId);
  const connections = useStore((s) => s.connections);
  const setTabConnection = useStore((s) => s.setTabConnection);
  const running = useStore((s) => isRunActive(s.runs[tabId]));
  const busy = useStore((s) => isTabBusy(s, tabId));
  const cancelling = useStore((s) => isTabCancelling(s, tabId));

  const connectionId = effectiveConnectionId(tabConnectionId, activeConnectionId);
  const known = connections.some((c) => c.id === connectionId);

  const run = (scope: 'statement' | 'all') => {
    runActiveTab(scope);
    focusEditor();
  };

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Query">
      <select
        className="input select toolbar-connection"
        aria-label="Connection for this tab"
        title="The connection this tab runs on"
        value={known && connectionId ? connectionId : NO_CONNECTION}
        onChange={(event) => setTabConnection(tabId, event.target.value || null)}
      >
        {!known ? (
          <option value={NO_CONNECTION} disabled>
            Choose a connection…
          </option>
        ) : null}
        {connections.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <ConnectionModeBadge profile={connections.find((c) => c.id === connectionId)} />
      <div className="toolbar-separator" />
      <button
        type="button"
        className="btn btn-primary btn-small toolbar-run"
        title={`Run the selection or the statement under the cursor (${SHORTCUTS.run})`}
        disabled={running}
        onClick={() => run('statement')}
      >
        <PlayIcon size={12} />
        Run
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label="Execute all statements"
        title={`Run all statements (${SHORTCUTS.runAll})`}
        disabled={running}
        onClick={() => run('all')}
      >
        <RunAllIcon size={14} />
      </button>
      <button
        type="button"
        className="btn btn-small toolbar-cancel"
        title={`Cancel the running query or EXPLAIN (${SHORTCUTS.cancel})`}
        disabled={!busy || cancelling}
        onClick={() => cancelActiveTab()}
      >
        <StopIcon size={12} />
        Cancel
      </button>
      <div className="toolbar-separator" />
      <button
        type="button"
        className="btn btn-small"
        title={`Show the query plan of the selection or the statement under the cursor (${SHORTCUTS.explain})`}
        onClick={() => explainActiveTab(false)}
      >
        Explain
      </button>
      <button
        type="button"
        className="btn btn-small"
        title="Run the statement with EXPLAIN ANALYZE to see real times and row counts; data changes are rolled back"
        onClick={() => explainActiveTab(true)}
      >
        Analyze
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={`Format the selection, or all the text, in this connection's SQL dialect (${SHORTCUTS.format})`}
        onClick={() => formatActiveTab()}
      >
        Format
      </button>
      <SaveQueryButton tabId={tabId} />
    </div>
  );
}
