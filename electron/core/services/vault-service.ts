import type { HandlerGroup } from '../host';
import type { Vault } from '../vault/vault';

type VaultChannel = 'vault/status' | 'vault/create' | 'vault/unlock' | 'vault/lock' | 'vault/change-password';

/** The vault/* channels; each answers with the vault's status after the change. */
export function createVaultHandlers(vault: Vault): HandlerGroup<VaultChannel> {
  return {
    'vault/status': () => vault.status(),
    'vault/create': async ({ password }) => {
      await vault.create(password);
      return vault.status();
    },
    'vault/unlock': async ({ password }) => {
      await vault.unlock(password);
      return vault.status();
    },
    'vault/lock': async () => {
      vault.lock();
      return vault.status();
    },
    'vault/change-password': async ({ current, next }) => {
      await vault.changePassword(current, next);
      return vault.status();
    },
  };
}
