import { CoreError } from '../errors';
import type { Vault } from '../vault/vault';

/** Connection passwords in the vault, under `connection:<id>:password`. */
export class ConnectionSecrets {
  constructor(private readonly vault: Vault) {}

  async vaultExists(): Promise<boolean> {
    return (await this.vault.status()).exists;
  }

  /** Throws VAULT_MISSING or VAULT_LOCKED, with what to do, unless secrets can be read and written now. */
  async requireUnlocked(): Promise<void> {
    const status = await this.vault.status();
    if (!status.exists) {
      throw new CoreError(
        'VAULT_MISSING',
        'Passwords are kept in the encrypted vault, and there is none yet. Create the vault with a master password, then try again.',
      );
    }
    if (!status.unlocked) throw new CoreError('VAULT_LOCKED', 'The vault is locked. Unlock it with the master password, then try again.');
  }

  /** Throws VAULT_LOCKED or VAULT_MISSING when the vault is not unlocked. */
  get(connectionId: string): string | null {
    return this.vault.getSecret(keyFor(connectionId));
  }

  set(connectionId: string, password: string): Promise<void> {
    return this.vault.setSecret(keyFor(connectionId), password);
  }

  delete(connectionId: string): Promise<void> {
    return this.vault.deleteSecret(keyFor(connectionId));
  }

  /** Puts back what `get` returned before a change that must be undone. */
  restore(connectionId: string, previous: string | null): Promise<void> {
    return previous === null ? this.delete(connectionId) : this.set(connectionId, previous);
  }
}

function keyFor(connectionId: string): string {
  return `connection:${connectionId}:password`;
}
