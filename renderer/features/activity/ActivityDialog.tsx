import { useMemo, useState } from 'react';
import { useStore } from '../../store';
import { Dialog } from '../../ui/Dialog';
import { Select, type SelectOption } from '../../ui/Select';
import { AppQueryList } from './AppQueryList';
import { purposeSummary } from './purpose-summary';
import { useAppQueries } from './use-app-queries';
import './activity.css';

const ALL = '';

/** Every statement Strata sent to a server on its own behalf, newest first; never the user's own statements. */
export function ActivityDialog({ onClose }: { onClose: () => void }) {
  const { entries, problem } = useAppQueries();
  const connections = useStore((s) => s.connections);
  const [connectionId, setConnectionId] = useState(ALL);

  const connectionName = useMemo(() => {
    const names = new Map(connections.map((connection) => [connection.id, connection.name]));
    return (id: string) => names.get(id) ?? (id.startsWith('test-') ? 'Connection test' : 'Removed connection');
  }, [connections]);

  const options = useMemo<SelectOption<string>[]>(() => {
    const ids = [...new Set(entries.map((entry) => entry.connectionId))];
    return [{ value: ALL, label: 'All connections' }, ...ids.map((id) => ({ value: id, label: connectionName(id) }))];
  }, [entries, connectionName]);

  const shown = useMemo(
    () => entries.filter((entry) => connectionId === ALL || entry.connectionId === connectionId).reverse(),
    [entries, connectionId],
  );

  return (
    <Dialog title="Queries Strata ran" onClose={onClose} width={920} className="activity-dialog">
      <p className="activity-intro">
        Statements Strata sent to your servers on its own behalf: catalog reads for the tree, health checks, cancel requests and session
        resets. Your own statements are not listed.
      </p>
      <div className="activity-toolbar">
        <Select label="Connection" value={connectionId} options={options} onChange={setConnectionId} className="activity-filter" />
        <span className="activity-summary" aria-live="polite">
          {purposeSummary(shown)}
        </span>
      </div>
      {problem ? (
        <div className="activity-problem" role="alert">
          The log could not be read: {problem}
        </div>
      ) : null}
      <AppQueryList entries={shown} connectionName={connectionName} />
    </Dialog>
  );
}
