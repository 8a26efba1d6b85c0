import { useStore } from '../../store';
import { SHORTCUTS } from './shortcuts';

/** Shown when no tab is open. */
export function StartPanel() {
  const newTab = useStore((s) => s.newTab);
  const hasConnection = useStore((s) => s.activeConnectionId !== null);
  return (
    <div className="start-panel">
      <div className="start-card">
        <h2 className="start-title">Write a query</h2>
        <p className="start-text">
          {hasConnection
            ? 'Open a query tab on the selected connection, or double-click a table in the sidebar to see its rows.'
            : 'Pick a connection in the sidebar, then open a query tab to write SQL.'}
        </p>
        <button type="button" className="btn btn-primary" onClick={() => newTab()}>
          New query
        </button>
        <dl className="start-keys">
          <dt>{SHORTCUTS.newTab}</dt>
          <dd>New tab</dd>
          <dt>{SHORTCUTS.run}</dt>
          <dd>Run the statement under the cursor</dd>
          <dt>{SHORTCUTS.runAll}</dt>
          <dd>Run everything</dd>
          <dt>{SHORTCUTS.cancel}</dt>
          <dd>Cancel a running query</dd>
          <dt>{SHORTCUTS.format}</dt>
          <dd>Format the selection or all the SQL</dd>
        </dl>
      </div>
    </div>
  );
}
