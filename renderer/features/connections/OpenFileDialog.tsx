import { useState } from 'react';
import type { ConnectionProfile } from '../../../shared/model/connection';
import { api } from '../../bridge';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

interface OpenFileDialogProps {
  onClose: () => void;
  onOpened: (profile: ConnectionProfile) => void;
}

/** Where the host cannot show a native file dialog (the browser host): type the path instead. */
export function OpenFileDialog({ onClose, onOpened }: OpenFileDialogProps) {
  const [path, setPath] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    if (busy) return;
    if (path.trim() === '') {
      setError("Enter the path of a SQLite database file on the host's disk.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onOpened(await api.invoke('connection/open-file', { path: path.trim(), readOnly }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Open SQLite file"
      onClose={onClose}
      onSubmit={() => void open()}
      width={480}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            Open
          </Button>
        </>
      }
    >
      <TextField
        className="mono-input"
        label="File path"
        value={path}
        onChange={(value) => {
          setPath(value);
          setError(null);
        }}
        error={error}
        placeholder="/home/me/data/app.sqlite"
        data-autofocus
      />
      <Checkbox label="Read-only" checked={readOnly} onChange={setReadOnly} hint="Nothing in the file can change." />
    </Dialog>
  );
}
