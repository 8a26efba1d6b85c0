import { useState } from 'react';
import type { ConnectionProfile } from '../../../shared/model/connection';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { isVaultError } from '../../store/vault-slice';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { IconButton } from '../../ui/Button';
import { FileIcon, PlusIcon } from '../../ui/icons';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { ConnectionDialog } from './ConnectionDialog';
import { ConnectionItem } from './ConnectionItem';
import { draftOfProfile } from './connection-form';
import { OpenFileDialog } from './OpenFileDialog';
import './connections.css';

type Editing = { profile: ConnectionProfile | null } | null;

export function ConnectionsPanel() {
  const connections = useStore((s) => s.connections);
  const loaded = useStore((s) => s.connectionsLoaded);
  const activeId = useStore((s) => s.activeConnectionId);
  const statuses = useStore((s) => s.connectionStatus);
  const opened = useStore((s) => s.opened);
  const canPickFiles = useStore((s) => s.appInfo?.canPickFiles ?? false);
  const { selectConnection, closeConnection, duplicateConnection, deleteConnection, upsertConnection, notify, withVaultAccess } = useStore.getState();

  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<ConnectionProfile | null>(null);
  const [typingPath, setTypingPath] = useState(false);
  const [menu, setMenu] = useState<{ x: number; y: number; profile: ConnectionProfile } | null>(null);

  const showOpenedFile = (profile: ConnectionProfile) => {
    upsertConnection(profile);
    setTypingPath(false);
    void selectConnection(profile.id);
  };

  const openSqliteFile = async () => {
    if (!canPickFiles) {
      setTypingPath(true);
      return;
    }
    try {
      const { path } = await api.invoke('connection/pick-file', {});
      if (path === null) return;
      showOpenedFile(await api.invoke('connection/open-file', { path, readOnly: false }));
    } catch (error) {
      notify({ kind: 'error', title: 'Could not open the file', message: (error as Error).message });
    }
  };

  const test = async (profile: ConnectionProfile) => {
    try {
      const result = await withVaultAccess(
        () => api.invoke('connection/test', { id: profile.id, draft: draftOfProfile(profile), password: { action: 'keep' } }),
        `Testing "${profile.name}" uses its saved password from the vault.`,
      );
      notify({ kind: 'success', title: `"${profile.name}" is reachable`, message: `${result.serverVersion} · ${Math.round(result.roundTripMs * 10) / 10} ms round trip` });
    } catch (error) {
      if (!isVaultError(error)) notify({ kind: 'error', title: `Could not connect to "${profile.name}"`, message: (error as Error).message });
    }
  };

  const duplicate = async (profile: ConnectionProfile) => {
    try {
      const copy = await duplicateConnection(profile.id);
      notify({ kind: 'success', title: `Created "${copy.name}"` });
    } catch (error) {
      if (!isVaultError(error)) notify({ kind: 'error', title: `Could not duplicate "${profile.name}"`, message: (error as Error).message });
    }
  };

  const menuEntries = (profile: ConnectionProfile): MenuEntry[] => {
    const isOpen = Boolean(opened[profile.id]);
    return [
      isOpen
        ? { label: 'Disconnect', onSelect: () => void closeConnection(profile.id) }
        : { label: 'Connect', onSelect: () => void selectConnection(profile.id) },
      { label: 'Edit…', onSelect: () => setEditing({ profile }) },
      { label: 'Duplicate', onSelect: () => void duplicate(profile) },
      { label: 'Test connection', onSelect: () => void test(profile) },
      { kind: 'separator' },
      { label: 'Delete…', danger: true, disabled: profile.builtIn, onSelect: () => setDeleting(profile) },
    ];
  };

  return (
    <section className="connections" aria-label="Connections">
      <header className="panel-header">
        <h2 className="panel-title">Connections</h2>
        <IconButton label="New connection" onClick={() => setEditing({ profile: null })}>
          <PlusIcon />
        </IconButton>
        <IconButton label="Open SQLite file" onClick={() => void openSqliteFile()}>
          <FileIcon />
        </IconButton>
      </header>

      {loaded && connections.length === 0 ? (
        <p className="panel-empty">No connections yet. Add one with “+”, or open a SQLite file.</p>
      ) : (
        <ul className="conn-list">
          {connections.map((profile) => (
            <ConnectionItem
              key={profile.id}
              profile={profile}
              active={profile.id === activeId}
              runtime={statuses[profile.id]}
              onSelect={() => void selectConnection(profile.id)}
              onEdit={() => setEditing({ profile })}
              onMenu={(x, y) => setMenu({ x, y, profile })}
            />
          ))}
        </ul>
      )}

      {menu ? <Menu x={menu.x} y={menu.y} label={`Actions for ${menu.profile.name}`} entries={menuEntries(menu.profile)} onClose={() => setMenu(null)} /> : null}

      {editing ? (
        <ConnectionDialog
          profile={editing.profile}
          onClose={() => setEditing(null)}
          onSaved={(profile, isNew) => {
            setEditing(null);
            notify({ kind: 'success', title: `Saved "${profile.name}"` });
            if (isNew) void selectConnection(profile.id);
          }}
        />
      ) : null}

      {deleting ? (
        <ConfirmDialog
          title="Delete connection"
          message={`Delete "${deleting.name}"?${deleting.hasPassword ? ' Its saved password is deleted from the vault too.' : ''} Editor tabs that use it keep their text.`}
          confirmLabel="Delete"
          danger
          onConfirm={() => deleteConnection(deleting.id)}
          onClose={() => setDeleting(null)}
        />
      ) : null}

      {typingPath ? <OpenFileDialog onClose={() => setTypingPath(false)} onOpened={showOpenedFile} /> : null}
    </section>
  );
}
