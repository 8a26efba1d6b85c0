import { useId, useRef, useState } from 'react';
import { parseConnectionUrl } from '../../../shared/connection-url';
import type { ConnectionTestResult } from '../../../shared/ipc/contract';
import { ENGINES, SSL_MODES, verifiesCertificate, type ConnectionProfile, type Engine, type SslMode } from '../../../shared/model/connection';
import { api, BridgeError } from '../../bridge';
import { useStore } from '../../store';
import { isVaultError } from '../../store/vault-slice';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { CaCertificateField } from './CaCertificateField';
import { ColorPicker } from './ColorPicker';
import {
  applyParsedUrl,
  changeEngine,
  draftFromForm,
  fieldForIssuePath,
  formFromProfile,
  passwordChangeFromForm,
  productionChange,
  type ConnectionForm,
  type FieldErrors,
} from './connection-form';
import { ENGINE_LABELS, SSL_MODE_HINTS, SSL_MODE_LABELS } from './engines';
import { SafetySettings } from './SafetySettings';
import './connection-dialog.css';

interface ConnectionDialogProps {
  /** The profile to edit, or null for a new connection. */
  profile: ConnectionProfile | null;
  onClose: () => void;
  onSaved: (profile: ConnectionProfile, isNew: boolean) => void;
}

type TestState = { kind: 'idle' } | { kind: 'testing' } | { kind: 'ok'; result: ConnectionTestResult } | { kind: 'failed'; code: string; message: string };

const ENGINE_OPTIONS = ENGINES.map((engine) => ({ value: engine, label: ENGINE_LABELS[engine] }));
const SSL_OPTIONS = SSL_MODES.map((mode) => ({ value: mode, label: SSL_MODE_LABELS[mode] }));
const VAULT_DECLINED = 'The vault is still locked, so nothing was saved. Unlock it to keep a password, or leave the password empty.';

export function ConnectionDialog({ profile, onClose, onSaved }: ConnectionDialogProps) {
  const saveConnection = useStore((s) => s.saveConnection);
  const withVaultAccess = useStore((s) => s.withVaultAccess);
  const [form, setForm] = useState<ConnectionForm>(() => formFromProfile(profile));
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const pasted = useRef(false);

  const sslHintId = useId();
  const sqlite = form.engine === 'sqlite';
  const hasSavedPassword = profile?.hasPassword === true;

  const update = (change: Partial<ConnectionForm>) => {
    setForm((current) => ({ ...current, ...change }));
    const touched = Object.keys(change) as (keyof FieldErrors)[];
    setErrors((current) => {
      if (!touched.some((key) => current[key])) return current;
      const next = { ...current };
      for (const key of touched) delete next[key];
      return next;
    });
    setTest({ kind: 'idle' });
  };

  const applyUrl = (text: string, reportErrors: boolean) => {
    if (text.trim() === '') {
      setUrlError(null);
      return;
    }
    try {
      const parsed = parseConnectionUrl(text);
      setForm((current) => applyParsedUrl(current, parsed));
      setErrors({});
      setUrlError(null);
      setTest({ kind: 'idle' });
    } catch (error) {
      if (reportErrors) setUrlError((error as Error).message);
    }
  };

  const validated = () => {
    const result = draftFromForm(form);
    if (result.errors) {
      setErrors(result.errors);
      return null;
    }
    return result.draft;
  };

  const showServerError = (error: unknown) => {
    if (isVaultError(error)) {
      setFormError(VAULT_DECLINED);
      return;
    }
    if (error instanceof BridgeError && error.code === 'INVALID_INPUT' && error.detail?.issues?.length) {
      const fieldErrors: FieldErrors = {};
      const unplaced: string[] = [];
      for (const issue of error.detail.issues) {
        const field = fieldForIssuePath(issue.path);
        if (field) fieldErrors[field] ??= issue.message;
        else unplaced.push(issue.message);
      }
      setErrors(fieldErrors);
      setFormError(unplaced.length > 0 ? unplaced.join('\n') : null);
      return;
    }
    setFormError((error as Error).message);
  };

  const save = async () => {
    if (saving) return;
    setFormError(null);
    const draft = validated();
    if (!draft) return;
    setSaving(true);
    try {
      const saved = await saveConnection(profile?.id ?? null, draft, passwordChangeFromForm(form));
      onSaved(saved, profile === null);
    } catch (error) {
      showServerError(error);
      setSaving(false);
    }
  };

  const runTest = async () => {
    setFormError(null);
    const draft = validated();
    if (!draft) return;
    setTest({ kind: 'testing' });
    try {
      const result = await withVaultAccess(
        () => api.invoke('connection/test', { id: profile?.id ?? null, draft, password: passwordChangeFromForm(form) }),
        `Testing "${draft.name}" uses its saved password from the vault.`,
      );
      setTest({ kind: 'ok', result });
    } catch (error) {
      const code = error instanceof BridgeError ? error.code : 'INTERNAL';
      setTest({ kind: 'failed', code, message: isVaultError(error) ? 'The vault is locked, so the saved password could not be used.' : (error as Error).message });
    }
  };

  const footer = (
    <>
      <Button onClick={() => void runTest()} disabled={test.kind === 'testing' || saving}>
        Test connection
      </Button>
      <span className="spacer" />
      <Button onClick={onClose}>Cancel</Button>
      <Button variant="primary" type="submit" disabled={saving}>
        {saving ? 'Saving…' : 'Save'}
      </Button>
    </>
  );

  return (
    <Dialog title={profile ? 'Edit connection' : 'New connection'} onClose={onClose} onSubmit={() => void save()} footer={footer} width={560}>
      <div className="conn-form">
        <TextField
          className="span-2"
          label="Connection URL"
          value={url}
          data-autofocus={profile ? undefined : true}
          placeholder={sqlite ? 'sqlite:/path/to/file.db' : 'postgres://user:password@host:5432/database'}
          onChange={(text) => {
            setUrl(text);
            // While typing, half a URL is not an error yet; a paste is complete, so say what is wrong at once.
            applyUrl(text, pasted.current);
            pasted.current = false;
          }}
          onPaste={() => {
            pasted.current = true;
          }}
          onBlur={() => applyUrl(url, true)}
          error={urlError}
          hint="Paste a URL or a SQLite file path to fill in the fields below."
        />

        <TextField
          label="Name"
          value={form.name}
          onChange={(name) => update({ name, nameTouched: true })}
          error={errors.name}
          data-autofocus={profile ? true : undefined}
          placeholder="e.g. Production orders"
        />
        <Select<Engine> label="Engine" value={form.engine} options={ENGINE_OPTIONS} onChange={(engine) => setForm((f) => changeEngine(f, engine))} />

        <ColorPicker
          className="span-2"
          value={form.color}
          onChange={(color) => update({ color })}
          error={errors.color}
          lockedReason={form.production ? 'Production connections are tagged red.' : undefined}
        />

        {sqlite ? (
          <>
            <TextField
              className="span-2 mono-input"
              label="File path"
              value={form.filePath}
              onChange={(filePath) => update({ filePath, ...(form.nameTouched ? {} : { name: filePath.split(/[/\\]/).filter(Boolean).pop() ?? '' }) })}
              error={errors.filePath}
              placeholder="/path/to/database.sqlite"
            />
          </>
        ) : (
          <>
            <div className="span-2 host-port">
              <TextField label="Host" value={form.host} onChange={(host) => update({ host })} error={errors.host} placeholder="127.0.0.1" />
              <TextField label="Port" value={form.port} onChange={(port) => update({ port })} error={errors.port} inputMode="numeric" />
            </div>
            <TextField label="Database" value={form.database} onChange={(database) => update({ database })} error={errors.database} />
            <Select<SslMode>
              label="SSL mode"
              value={form.sslMode}
              options={SSL_OPTIONS}
              onChange={(sslMode) => update({ sslMode })}
              aria-describedby={sslHintId}
            />
            <div id={sslHintId} className="span-2 field-hint ssl-mode-hint">
              {SSL_MODE_HINTS[form.sslMode]}
            </div>
            {verifiesCertificate(form.sslMode) ? (
              <CaCertificateField path={form.sslRootCertPath} error={errors.sslRootCertPath} onChange={(sslRootCertPath) => update({ sslRootCertPath })} onPickError={setFormError} />
            ) : null}
            <TextField label="User" value={form.user} onChange={(user) => update({ user })} error={errors.user} />
            <PasswordField form={form} hasSavedPassword={hasSavedPassword} error={errors.password} onChange={update} />
            <TextField
              label="Statement timeout (s)"
              value={form.statementTimeoutSeconds}
              onChange={(statementTimeoutSeconds) => update({ statementTimeoutSeconds })}
              error={errors.statementTimeoutSeconds}
              inputMode="decimal"
              hint="0 means no limit."
            />
            <TextField
              label="Connect timeout (s)"
              value={form.connectTimeoutSeconds}
              onChange={(connectTimeoutSeconds) => update({ connectTimeoutSeconds })}
              error={errors.connectTimeoutSeconds}
              inputMode="decimal"
            />
          </>
        )}

        <SafetySettings form={form} onChange={update} onProductionChange={(production) => update(productionChange(production))} />
      </div>

      <TestOutcome state={test} />
      {formError ? (
        <div className="form-error" role="alert">
          {formError}
        </div>
      ) : null}
    </Dialog>
  );
}

function PasswordField({
  form,
  hasSavedPassword,
  error,
  onChange,
}: {
  form: ConnectionForm;
  hasSavedPassword: boolean;
  error?: string;
  onChange: (change: Partial<ConnectionForm>) => void;
}) {
  if (hasSavedPassword && form.clearPassword) {
    return (
      <div className="field">
        <span className="field-label">Password</span>
        <div className="password-cleared">
          <span className="password-cleared-text">Saved password will be removed</span>
          <Button small variant="ghost" onClick={() => onChange({ clearPassword: false })}>
            Undo
          </Button>
        </div>
      </div>
    );
  }
  return (
    <TextField
      label="Password"
      type="password"
      value={form.password}
      onChange={(password) => onChange({ password })}
      error={error}
      autoComplete="new-password"
      placeholder={hasSavedPassword ? '••• saved — leave empty to keep' : ''}
      hint={
        hasSavedPassword ? (
          <button type="button" className="link-button" onClick={() => onChange({ clearPassword: true, password: '' })}>
            Clear saved password
          </button>
        ) : (
          'Kept encrypted in the vault.'
        )
      }
    />
  );
}

function TestOutcome({ state }: { state: TestState }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'testing') return <div className="test-outcome muted">Connecting…</div>;
  if (state.kind === 'ok') {
    return (
      <div className="test-outcome test-ok" aria-live="polite">
        Connected: {state.result.serverVersion} · {Math.round(state.result.roundTripMs * 10) / 10} ms round trip
      </div>
    );
  }
  return (
    <div className="test-outcome test-failed" role="alert">
      <span className="test-code">{state.code}</span> {state.message}
    </div>
  );
}
