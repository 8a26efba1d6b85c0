import { useEffect, useState } from 'react';
import type { PathSegment } from '../../../shared/model/schema';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { toStrataError } from '../../store/runs-slice';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import './object-actions.css';

interface DdlDialogProps {
  connectionId: string;
  path: PathSegment[];
  title: string;
  onClose: () => void;
}

type DdlState = { status: 'loading' } | { status: 'loaded'; ddl: string } | { status: 'error'; message: string };

/** The object's CREATE statement, read-only and selectable, with Copy and "Open in editor". */
export function DdlDialog({ connectionId, path, title, onClose }: DdlDialogProps) {
  const [state, setState] = useState<DdlState>({ status: 'loading' });
  const { openTab, notify } = useStore.getState();

  useEffect(() => {
    let current = true;
    api
      .invoke('schema/ddl', { connectionId, path })
      .then(({ ddl }) => current && setState({ status: 'loaded', ddl }))
      .catch((error: unknown) => current && setState({ status: 'error', message: toStrataError(error).message }));
    return () => {
      current = false;
    };
  }, [connectionId, path]);

  const ddl = state.status === 'loaded' ? state.ddl : null;

  const copy = () => {
    if (ddl === null) return;
    navigator.clipboard
      .writeText(ddl)
      .then(() => notify({ kind: 'success', title: 'DDL copied', message: title }))
      .catch((error: unknown) => notify({ kind: 'error', title: 'Could not copy', message: (error as Error).message }));
  };

  const openInEditor = () => {
    if (ddl === null) return;
    openTab({ title: `${title} DDL`, connectionId, sql: ddl });
    onClose();
  };

  const footer = (
    <>
      <Button onClick={copy} disabled={ddl === null}>
        Copy
      </Button>
      <Button onClick={openInEditor} disabled={ddl === null}>
        Open in editor
      </Button>
      <Button variant="primary" onClick={onClose} data-autofocus>
        Close
      </Button>
    </>
  );

  return (
    <Dialog title={`DDL of ${title}`} onClose={onClose} footer={footer} width={720} className="ddl-dialog">
      {state.status === 'loading' ? <p className="dialog-text">Loading…</p> : null}
      {state.status === 'error' ? (
        <div className="form-error" role="alert">
          {state.message}
        </div>
      ) : null}
      {ddl !== null ? (
        <pre className="object-sql ddl-text" aria-label="DDL" tabIndex={0}>
          {ddl}
        </pre>
      ) : null}
    </Dialog>
  );
}
