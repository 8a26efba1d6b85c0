import type { StateCreator } from 'zustand';
import type { ConnectionStateEvent, OpenedConnection } from '../../shared/ipc/contract';
import type { ConnectionDraft, ConnectionProfile, PasswordChange } from '../../shared/model/connection';
import { api } from '../bridge';
import { isVaultError } from './vault-slice';
import type { StoreState } from './index';

export type ConnectionStatus = 'closed' | 'opening' | 'open' | 'error';

export interface ConnectionRuntime {
  status: ConnectionStatus;
  /** The last failure, as text. */
  message: string | null;
}

export interface ConnectionsSlice {
  connections: ConnectionProfile[];
  connectionsLoaded: boolean;
  activeConnectionId: string | null;
  setActiveConnection: (id: string | null) => void;
  /** Capabilities and server version of every open connection. */
  opened: Record<string, OpenedConnection>;
  connectionStatus: Record<string, ConnectionRuntime>;
  loadConnections: () => Promise<void>;
  upsertConnection: (profile: ConnectionProfile) => void;
  /** Opens the connection once (concurrent callers share the attempt). Asks for the vault when needed; other failures become a notification and null. */
  ensureConnectionOpen: (id: string) => Promise<OpenedConnection | null>;
  closeConnection: (id: string) => Promise<void>;
  /** Makes the connection active, opens it and loads the root of its schema tree. */
  selectConnection: (id: string) => Promise<void>;
  applyConnectionState: (event: ConnectionStateEvent) => void;
  /** Saves a new (id null) or edited profile. Throws BridgeError for the form to show; asks for the vault when the password needs it. */
  saveConnection: (id: string | null, draft: ConnectionDraft, password: PasswordChange) => Promise<ConnectionProfile>;
  deleteConnection: (id: string) => Promise<void>;
  duplicateConnection: (id: string) => Promise<ConnectionProfile>;
}

const opening = new Map<string, Promise<OpenedConnection | null>>();

function connectionName(state: StoreState, id: string): string {
  return state.connections.find((c) => c.id === id)?.name ?? 'the connection';
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const next = { ...record };
  delete next[key];
  return next;
}

export const createConnectionsSlice: StateCreator<StoreState, [], [], ConnectionsSlice> = (set, get) => {
  const setRuntime = (id: string, status: ConnectionStatus, message: string | null = null) =>
    set((state) => ({ connectionStatus: { ...state.connectionStatus, [id]: { status, message } } }));

  /** The server closed or changed the connection: forget its capabilities and its cached tree. */
  const forgetOpened = (id: string) => set((state) => ({ opened: withoutKey(state.opened, id) }));

  async function open(id: string): Promise<OpenedConnection | null> {
    const name = connectionName(get(), id);
    setRuntime(id, 'opening');
    try {
      const opened = await get().withVaultAccess(
        () => api.invoke('connection/open', { id }),
        `"${name}" has a saved password: the vault must be unlocked to connect.`,
      );
      set((state) => ({ opened: { ...state.opened, [id]: opened } }));
      setRuntime(id, 'open');
      return opened;
    } catch (error) {
      const message = (error as Error).message;
      setRuntime(id, 'error', message);
      if (!isVaultError(error)) get().notify({ kind: 'error', title: `Could not connect to "${name}"`, message });
      return null;
    }
  }

  return {
    connections: [],
    connectionsLoaded: false,
    activeConnectionId: null,
    setActiveConnection: (activeConnectionId) => set({ activeConnectionId }),
    opened: {},
    connectionStatus: {},

    loadConnections: async () => {
      try {
        set({ connections: await api.invoke('connection/list', {}), connectionsLoaded: true });
      } catch (error) {
        set({ connectionsLoaded: true });
        get().notify({ kind: 'error', title: 'Could not load the saved connections', message: (error as Error).message });
      }
    },

    upsertConnection: (profile) =>
      set((state) => {
        const index = state.connections.findIndex((c) => c.id === profile.id);
        if (index === -1) return { connections: [...state.connections, profile] };
        const connections = state.connections.slice();
        connections[index] = profile;
        return { connections };
      }),

    ensureConnectionOpen: (id) => {
      const already = get().opened[id];
      if (already) return Promise.resolve(already);
      let attempt = opening.get(id);
      if (!attempt) {
        attempt = open(id).finally(() => opening.delete(id));
        opening.set(id, attempt);
      }
      return attempt;
    },

    closeConnection: async (id) => {
      try {
        await api.invoke('connection/close', { id });
      } catch (error) {
        get().notify({ kind: 'error', title: `Could not disconnect "${connectionName(get(), id)}"`, message: (error as Error).message });
        return;
      }
      forgetOpened(id);
      setRuntime(id, 'closed');
      get().clearSchema(id);
    },

    selectConnection: async (id) => {
      set({ activeConnectionId: id });
      const opened = await get().ensureConnectionOpen(id);
      if (opened && get().activeConnectionId === id) await get().loadRoot(id);
    },

    applyConnectionState: (event) => {
      if (!get().connections.some((c) => c.id === event.id)) return;
      if (event.state === 'open') {
        setRuntime(event.id, 'open');
        return;
      }
      forgetOpened(event.id);
      setRuntime(event.id, event.state, event.message ?? null);
    },

    saveConnection: async (id, draft, password) => {
      const reason = `The password of "${draft.name}" is kept in the vault.`;
      const profile = await get().withVaultAccess(() => api.invoke('connection/save', { id, draft, password }), reason);
      get().upsertConnection(profile);
      if (id !== null && (get().opened[id] || get().schemaTrees[id])) {
        // The host closes an edited connection's pool; start over so the tree reflects the new settings.
        forgetOpened(id);
        setRuntime(id, 'closed');
        get().clearSchema(id);
        if (get().activeConnectionId === id) void get().selectConnection(id);
      }
      return profile;
    },

    deleteConnection: async (id) => {
      const name = connectionName(get(), id);
      await get().withVaultAccess(() => api.invoke('connection/delete', { id }), `Deleting "${name}" also deletes its saved password from the vault.`);
      opening.delete(id);
      set((state) => ({
        connections: state.connections.filter((c) => c.id !== id),
        opened: withoutKey(state.opened, id),
        connectionStatus: withoutKey(state.connectionStatus, id),
        activeConnectionId: state.activeConnectionId === id ? null : state.activeConnectionId,
      }));
      get().clearSchema(id);
    },

    duplicateConnection: async (id) => {
      const name = connectionName(get(), id);
      const copy = await get().withVaultAccess(() => api.invoke('connection/duplicate', { id }), `Copying "${name}" copies its saved password inside the vault.`);
      set((state) => {
        const index = state.connections.findIndex((c) => c.id === id);
        const connections = state.connections.filter((c) => c.id !== copy.id);
        connections.splice(index === -1 ? connections.length : index + 1, 0, copy);
        return { connections };
      });
      return copy;
    },
  };
};
