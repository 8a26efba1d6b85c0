import { useState } from 'react';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { api } from '../../bridge';
import { useStore } from '../../store';
import type { VaultDialogMode } from '../../store/vault-slice';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import './vault.css';

const MIN_LENGTH = 8;

const TITLES: Record<VaultDialogMode, string> = {
  create: 'Create the vault',
  unlock: 'Unlock the vault',
  change: 'Change master password',
};

const SUBMIT_LABELS: Record<VaultDialogMode, string> = {
  create: 'Create vault',
  unlock: 'Unlock',
  change: 'Change password',
};

/** Mounted while the store asks for the vault; the master password lives only in this form's state. */
export function VaultDialogHost() {
  const request = useStore((s) => s.vaultDialog);
  if (!request) return null;
  return <VaultDialog key={request.mode} mode={request.mode} reason={request.reason} />;
}

function VaultDialog({ mode, reason }: { mode: VaultDialogMode; reason: string | null }) {
  const finish = useStore((s) => s.finishVaultDialog);
  const cancel = useStore((s) => s.cancelVaultDialog);
  const notify = useStore((s) => s.notify);
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ current?: string; password?: string; confirmation?: string }>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const validate = () => {
    const found: typeof errors = {};
    if (mode === 'unlock') {
      if (password === '') found.password = 'Enter the master password.';
    } else {
      if (mode === 'change' && current === '') found.current = 'Enter the current master password.';
      if (password.length < MIN_LENGTH) found.password = `Use at least ${MIN_LENGTH} characters.`;
      else if (confirmation !== password) found.confirmation = 'The two passwords differ. Type the same password twice.';
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async () => {
    if (busy || !validate()) return;
    setBusy(true);
    setServerError(null);
    try {
      let status: VaultStatus;
      if (mode === 'create') status = await api.invoke('vault/create', { password });
      else if (mode === 'unlock') status = await api.invoke('vault/unlock', { password });
      else status = await api.invoke('vault/change-password', { current, next: password });
      if (mode === 'change') notify({ kind: 'success', title: 'Master password changed' });
      finish(status);
    } catch (error) {
      setServerError((error as Error).message);
      setBusy(false);
    }
  };

  const footer = (
    <>
      <Button onClick={cancel}>Cancel</Button>
      <Button type="submit" variant="primary" disabled={busy}>
        {SUBMIT_LABELS[mode]}
      </Button>
    </>
  );

  return (
    <Dialog title={TITLES[mode]} onClose={cancel} onSubmit={() => void submit()} footer={footer} width={420}>
      {reason ? <p className="vault-reason">{reason}</p> : null}
      {mode === 'create' ? (
        <p className="dialog-text">
          The vault keeps your saved database passwords encrypted with a master password that only you know. Strata cannot recover it: if you
          forget it, the saved passwords are lost and you enter them again.
        </p>
      ) : null}
      {mode === 'unlock' ? <p className="dialog-text">Enter your master password to use the saved database passwords.</p> : null}

      {mode === 'change' ? (
        <TextField
          label="Current master password"
          type="password"
          value={current}
          onChange={setCurrent}
          error={errors.current}
          autoComplete="current-password"
          data-autofocus
        />
      ) : null}
      <TextField
        label={mode === 'change' ? 'New master password' : 'Master password'}
        type="password"
        value={password}
        onChange={(value) => {
          setPassword(value);
          setServerError(null);
        }}
        error={errors.password}
        autoComplete={mode === 'unlock' ? 'current-password' : 'new-password'}
        data-autofocus={mode !== 'change' ? true : undefined}
        hint={mode === 'unlock' ? undefined : `At least ${MIN_LENGTH} characters.`}
      />
      {mode !== 'unlock' ? (
        <TextField
          label={mode === 'change' ? 'Confirm new master password' : 'Confirm master password'}
          type="password"
          value={confirmation}
          onChange={setConfirmation}
          error={errors.confirmation}
          autoComplete="new-password"
        />
      ) : null}
      {serverError ? (
        <div className="form-error" role="alert">
          {serverError}
        </div>
      ) : null}
    </Dialog>
  );
}
