import { useMemo, useState } from 'react';
import { MAX_SAVED_QUERY_NAME } from '../../../shared/model/history';
import { BridgeError } from '../../bridge';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { effectiveConnectionId } from '../editor/editor-commands';
import { useStore } from '../../store';
import { initialSaveDraft, isUpdate, saveRequest, scopeOptions, type SaveQueryDraft } from './save-query-form';
import './saved-queries.css';

/** Asks for a name (the tab's title to start with) and for which connections, then saves the tab's text. */
export function SaveQueryDialog({ tabId, onClose }: { tabId: string; onClose: () => void }) {
  const tab = useStore((s) => s.tabs.find((t) => t.id === tabId));
  const activeConnectionId = useStore((s) => s.activeConnectionId);
  const connections = useStore((s) => s.connections);
  const linkedId = useStore((s) => s.savedQueryOfTab[tabId]);
  const linked = useStore((s) => s.savedQueries.find((query) => query.id === linkedId));
  const tabConnectionId = tab ? effectiveConnectionId(tab.connectionId, activeConnectionId) : null;
  const [draft, setDraft] = useState<SaveQueryDraft>(() => initialSaveDraft(tab?.title ?? '', tabConnectionId, linked));
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = useMemo(() => scopeOptions(connections, tabConnectionId, linked), [connections, tabConnectionId, linked]);

  const save = async () => {
    if (!tab || busy) return;
    if (!draft.name.trim()) {
      setNameError('Give the query a name.');
      return;
    }
    setBusy(true);
    setError(null);
    setNameError(null);
    try {
      const saved = await useStore.getState().saveQuery(saveRequest(draft, tab.sql, linked), tab.id);
      useStore.getState().notify({ kind: 'success', title: `Saved "${saved.name}"` });
      onClose();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof BridgeError && e.detail?.issues?.some((issue) => issue.path === 'name')) setNameError(message);
      else setError(message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Save query"
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy || !tab}>
            {isUpdate(draft, linked) ? 'Update' : 'Save'}
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        value={draft.name}
        onChange={(name) => setDraft((previous) => ({ ...previous, name }))}
        maxLength={MAX_SAVED_QUERY_NAME}
        error={nameError}
        hint={isUpdate(draft, linked) ? `Replaces the text of the saved query "${linked.name}".` : undefined}
        onFocus={(event) => event.target.select()}
        data-autofocus
      />
      <Select label="Available for" value={draft.scope} options={options} onChange={(scope) => setDraft((previous) => ({ ...previous, scope }))} />
      {!tab ? <p className="dialog-text">That tab was closed.</p> : null}
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
    </Dialog>
  );
}
