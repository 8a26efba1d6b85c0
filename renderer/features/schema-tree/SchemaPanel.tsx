import { useDeferredValue, useState } from 'react';
import { useStore } from '../../store';
import { Button, IconButton } from '../../ui/Button';
import { CloseIcon, RefreshIcon, SearchIcon } from '../../ui/icons';
import { SchemaTree } from './SchemaTree';
import { PanelMessage } from './PanelMessage';
import { ROOT_KEY } from './tree-keys';
import { EMPTY_TREE } from './tree-model';
import './schema-tree.css';

/** The lower half of the sidebar: the active connection's objects, with a filter and a refresh button. */
export function SchemaPanel() {
  const activeId = useStore((s) => s.activeConnectionId);
  const exists = useStore((s) => s.connections.some((c) => c.id === s.activeConnectionId));
  if (!activeId || !exists) {
    return (
      <section className="schema-panel" aria-label="Schema">
        <header className="panel-header">
          <h2 className="panel-title">Schema</h2>
        </header>
        <p className="panel-empty">Choose a connection to browse its databases, tables and views.</p>
      </section>
    );
  }
  return <ConnectionSchema key={activeId} connectionId={activeId} />;
}

function ConnectionSchema({ connectionId }: { connectionId: string }) {
  const profile = useStore((s) => s.connections.find((c) => c.id === connectionId));
  const runtime = useStore((s) => s.connectionStatus[connectionId]);
  const isOpen = useStore((s) => Boolean(s.opened[connectionId]));
  const tree = useStore((s) => s.schemaTrees[connectionId]) ?? EMPTY_TREE;
  const { refreshSchema, selectConnection, loadChildren } = useStore.getState();
  const [filter, setFilter] = useState('');
  // Filtering a 100k-node tree takes a moment: keep typing responsive and filter with the latest text.
  const deferredFilter = useDeferredValue(filter);
  const [refreshing, setRefreshing] = useState(false);
  const root = tree.children[ROOT_KEY];

  const refresh = async () => {
    setRefreshing(true);
    try {
      await refreshSchema(connectionId);
    } finally {
      setRefreshing(false);
    }
  };

  let body;
  if (runtime?.status === 'opening' && !root) {
    body = <PanelMessage text="Connecting…" busy />;
  } else if (!isOpen && !root) {
    body =
      runtime?.status === 'error' ? (
        <PanelMessage text={runtime.message ?? 'Could not connect.'} error action={<Button small onClick={() => void selectConnection(connectionId)}>Try again</Button>} />
      ) : (
        <PanelMessage text="Not connected." action={<Button small onClick={() => void selectConnection(connectionId)}>Connect</Button>} />
      );
  } else if (!root || (root.status === 'loading' && root.nodes.length === 0)) {
    body = <PanelMessage text="Loading…" busy />;
  } else if (root.status === 'error') {
    body = (
      <PanelMessage text={root.error ?? 'Could not load the objects.'} error action={<Button small onClick={() => void loadChildren(connectionId, [])}>Retry</Button>} />
    );
  } else if (root.nodes.length === 0) {
    body = <PanelMessage text="This database has no objects yet." />;
  } else {
    body = <SchemaTree connectionId={connectionId} filter={deferredFilter} />;
  }

  return (
    <section className="schema-panel" aria-label="Schema">
      <header className="panel-header">
        <h2 className="panel-title" title={profile?.name}>
          {profile?.name ?? 'Schema'}
        </h2>
        <IconButton label="Refresh schema" onClick={() => void refresh()} disabled={refreshing || !root} className={refreshing ? 'spinning' : undefined}>
          <RefreshIcon />
        </IconButton>
      </header>
      <div className="tree-filter">
        <SearchIcon size={14} />
        <input
          className="tree-filter-input"
          aria-label="Filter objects"
          placeholder="Filter loaded objects"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filter) {
              event.preventDefault();
              setFilter('');
            }
          }}
          spellCheck={false}
          autoComplete="off"
        />
        {filter ? (
          <IconButton label="Clear filter" className="tree-filter-clear" onClick={() => setFilter('')}>
            <CloseIcon size={12} />
          </IconButton>
        ) : null}
      </div>
      {body}
    </section>
  );
}
