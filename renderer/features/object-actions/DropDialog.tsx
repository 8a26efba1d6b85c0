import { useState } from 'react';
import type { Engine } from '../../../shared/model/connection';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { dropStatement, kindWord } from './drop-statement';
import type { ObjectAddress } from './object-address';
import { runStatement } from './run-statement';
import './object-actions.css';

interface DropDialogProps {
  connectionId: string;
  engine: Engine;
  /** Production connections ask for the name of every object, not only of tables. */
  production: boolean;
  address: ObjectAddress;
  onClose: () => void;
}

/**
 * Shows the exact DROP statement and runs it once confirmed: tables (and anything on a production
 * connection) need their name typed first. A failure keeps the dialog open with the server's message.
 */
export function DropDialog({ connectionId, engine, production, address, onClose }: DropDialogProps) {
  const [cascade, setCascade] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const plan = dropStatement(engine, address, cascade);
  const word = kindWord(address.kind);
  const mustType = address.kind === 'table' || production;
  const ready = plan.kind === 'drop' && !busy && (!mustType || typed === address.name);

  const drop = async () => {
    if (!ready || plan.kind !== 'drop') return;
    setBusy(true);
    setError(null);
    const outcome = await runStatement(api, connectionId, plan.sql);
    if (!outcome.ok) {
      setError(outcome.error.message);
      setBusy(false);
      return;
    }
    const { notify, refreshSchema } = useStore.getState();
    notify({ kind: 'success', title: `Dropped ${word} ${address.name}` });
    onClose();
    void refreshSchema(connectionId);
  };

  const footer =
    plan.kind === 'drop' ? (
      <>
        <Button onClick={onClose} data-autofocus={mustType ? undefined : true}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={!ready}>
          {busy ? 'Dropping…' : 'Drop'}
        </Button>
      </>
    ) : (
      <Button variant="primary" onClick={onClose} data-autofocus>
        Close
      </Button>
    );

  return (
    <Dialog title={`Drop ${word}?`} onClose={onClose} onSubmit={() => void drop()} footer={footer} width={560} className="drop-dialog">
      {plan.kind === 'unsupported' ? (
        <p className="dialog-text" role="alert">
          {plan.reason}
        </p>
      ) : (
        <>
          <p className="dialog-text">
            This runs the statement below on the connection. It cannot be undone.
          </p>
          <pre className="object-sql" aria-label="Statement to run">
            {plan.sql}
          </pre>
          {plan.cascadable ? (
            <Checkbox label="CASCADE: also drop the objects that depend on it" checked={cascade} onChange={setCascade} disabled={busy} />
          ) : null}
          {mustType ? (
            <TextField
              label={`Type “${address.name}” to drop it`}
              value={typed}
              onChange={setTyped}
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              disabled={busy}
            />
          ) : null}
        </>
      )}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </Dialog>
  );
}
