import type { StateCreator } from 'zustand';
import type { VaultStatus } from '../../shared/ipc/contract';
import { api, BridgeError } from '../bridge';
import type { StoreState } from './index';

export type VaultDialogMode = 'create' | 'unlock' | 'change';
export type VaultErrorCode = 'VAULT_LOCKED' | 'VAULT_MISSING';

export interface VaultDialogRequest {
  mode: VaultDialogMode;
  /** Why the dialog opened, e.g. 'Saving the password of "prod" needs the vault.' */
  reason: string | null;
}

export interface VaultSlice {
  vault: VaultStatus;
  vaultDialog: VaultDialogRequest | null;
  setVaultStatus: (status: VaultStatus) => void;
  loadVaultStatus: () => Promise<void>;
  openVaultDialog: (mode: VaultDialogMode, reason?: string | null) => void;
  /** Shows the create or unlock dialog and resolves true once the vault is unlocked, false if the user cancels. */
  requestVaultAccess: (code: VaultErrorCode, reason?: string | null) => Promise<boolean>;
  /** Runs `action`; when it fails because the vault is missing or locked, asks for it and runs it again. */
  withVaultAccess: <T>(action: () => Promise<T>, reason: string) => Promise<T>;
  /** The dialog succeeded: record the new status and let whoever waits retry. */
  finishVaultDialog: (status: VaultStatus) => void;
  cancelVaultDialog: () => void;
  lockVault: () => Promise<void>;
}

export function isVaultError(error: unknown): error is BridgeError & { code: VaultErrorCode } {
  return error instanceof BridgeError && (error.code === 'VAULT_LOCKED' || error.code === 'VAULT_MISSING');
}

/** Callers waiting for the vault dialog; settled together when it closes. */
let waiting: ((granted: boolean) => void)[] = [];

function settleWaiting(granted: boolean): void {
  const settle = waiting;
  waiting = [];
  for (const resolve of settle) resolve(granted);
}

const MAX_VAULT_RETRIES = 3;

export const createVaultSlice: StateCreator<StoreState, [], [], VaultSlice> = (set, get) => ({
  vault: { exists: false, unlocked: false },
  vaultDialog: null,

  setVaultStatus: (vault) => set({ vault }),

  loadVaultStatus: async () => {
    try {
      set({ vault: await api.invoke('vault/status', {}) });
    } catch (error) {
      get().notify({ kind: 'error', title: 'Could not read the vault status', message: (error as Error).message });
    }
  },

  openVaultDialog: (mode, reason = null) => set({ vaultDialog: { mode, reason } }),

  requestVaultAccess: (code, reason = null) =>
    new Promise<boolean>((resolve) => {
      waiting.push(resolve);
      const mode: VaultDialogMode = code === 'VAULT_MISSING' ? 'create' : 'unlock';
      const current = get().vaultDialog;
      if (!current || current.mode !== mode) set({ vaultDialog: { mode, reason } });
    }),

  withVaultAccess: async (action, reason) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await action();
      } catch (error) {
        if (!isVaultError(error) || attempt >= MAX_VAULT_RETRIES) throw error;
        const granted = await get().requestVaultAccess(error.code, reason);
        if (!granted) throw error;
      }
    }
  },

  finishVaultDialog: (vault) => {
    set({ vault, vaultDialog: null });
    settleWaiting(vault.unlocked);
  },

  cancelVaultDialog: () => {
    set({ vaultDialog: null });
    settleWaiting(false);
  },

  lockVault: async () => {
    try {
      set({ vault: await api.invoke('vault/lock', {}) });
      get().notify({ kind: 'info', title: 'Vault locked', message: 'Saved passwords stay encrypted until you unlock it again.' });
    } catch (error) {
      get().notify({ kind: 'error', title: 'Could not lock the vault', message: (error as Error).message });
    }
  },
});
