import { existsSync } from 'node:fs';
import type { VaultStatus } from '../../../shared/ipc/contract';
import { CoreError } from '../errors';
import { DEFAULT_KDF_PARAMS, describeKdfParamsProblem, type KdfParams } from './kdf';
import { readVaultFile, vaultFileExists, vaultMissing, writeVaultFile } from './vault-file';

export interface VaultOptions {
  /** scrypt cost for every save; defaults to the calibrated DEFAULT_KDF_PARAMS. */
  kdf?: KdfParams;
}

interface UnlockedSession {
  /** UTF-8 of the master password, kept so each save can re-derive a key under a fresh salt; zeroed on lock. */
  password: Uint8Array;
  secrets: Map<string, string>;
}

/**
 * The encrypted secret store. Every change is saved at once, re-encrypted under a fresh salt and
 * nonce; saves run one at a time in call order, and lock() fails those that have not started.
 */
export class Vault {
  private readonly kdf: KdfParams;
  private session: UnlockedSession | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly filePath: string,
    options: VaultOptions = {},
  ) {
    this.kdf = { ...(options.kdf ?? DEFAULT_KDF_PARAMS) };
    const problem = describeKdfParamsProblem(this.kdf);
    if (problem) throw new CoreError('INVALID_INPUT', `Cannot use these vault settings: ${problem}.`);
  }

  async status(): Promise<VaultStatus> {
    return { exists: await vaultFileExists(this.filePath), unlocked: this.session !== null };
  }

  isUnlocked(): boolean {
    return this.session !== null;
  }

  create(password: string): Promise<void> {
    return this.serialized(async () => {
      if (await vaultFileExists(this.filePath)) throw new CoreError('INVALID_INPUT', 'A vault already exists; unlock it instead.');
      const session = { password: encodePassword(password), secrets: new Map<string, string>() };
      try {
        await this.persist(session, session.secrets);
      } catch (error) {
        session.password.fill(0);
        throw error;
      }
      this.replaceSession(session);
    });
  }

  unlock(password: string): Promise<void> {
    return this.serialized(async () => {
      const encoded = encodePassword(password);
      try {
        this.replaceSession({ password: encoded, secrets: await readVaultFile(this.filePath, encoded) });
      } catch (error) {
        encoded.fill(0);
        throw error;
      }
    });
  }

  lock(): void {
    this.replaceSession(null);
  }

  /** Verifies `current` against the file and re-encrypts under `next`; the vault is unlocked afterwards. */
  changePassword(current: string, next: string): Promise<void> {
    return this.serialized(async () => {
      const nextEncoded = encodePassword(next);
      try {
        const secrets = await this.readWith(current);
        const session = { password: nextEncoded, secrets };
        await this.persist(session, secrets);
        this.replaceSession(session);
      } catch (error) {
        nextEncoded.fill(0);
        throw error;
      }
    });
  }

  getSecret(key: string): string | null {
    return this.requireSession().secrets.get(key) ?? null;
  }

  setSecret(key: string, value: string): Promise<void> {
    return this.update((secrets) => {
      secrets.set(key, value);
      return true;
    });
  }

  deleteSecret(key: string): Promise<void> {
    return this.update((secrets) => secrets.delete(key));
  }

  /** Applies `change` to a copy of the secrets and saves it; `change` returns whether anything changed. */
  private async update(change: (secrets: Map<string, string>) => boolean): Promise<void> {
    this.requireSession();
    await this.serialized(async () => {
      const session = this.requireSession();
      const next = new Map(session.secrets);
      if (!change(next)) return;
      await this.persist(session, next);
      if (this.session === session) session.secrets = next;
    });
  }

  private async readWith(password: string): Promise<Map<string, string>> {
    const encoded = encodePassword(password);
    try {
      return await readVaultFile(this.filePath, encoded);
    } finally {
      encoded.fill(0);
    }
  }

  /** Writes `secrets` under the session's password; a lock() during the write cannot zero the copy in use. */
  private async persist(session: UnlockedSession, secrets: ReadonlyMap<string, string>): Promise<void> {
    const password = session.password.slice();
    try {
      await writeVaultFile(this.filePath, secrets, password, this.kdf);
    } finally {
      password.fill(0);
    }
  }

  private replaceSession(session: UnlockedSession | null): void {
    if (this.session && this.session !== session) {
      this.session.password.fill(0);
      this.session.secrets.clear();
    }
    this.session = session;
  }

  private requireSession(): UnlockedSession {
    if (!this.session) throw this.lockedOrMissing();
    return this.session;
  }

  private lockedOrMissing(): CoreError {
    if (!existsSync(this.filePath)) return vaultMissing();
    return new CoreError('VAULT_LOCKED', 'The vault is locked. Unlock it with the master password first.');
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** NFC so that the same password typed on different keyboards or systems gives the same bytes. */
function encodePassword(password: string): Uint8Array {
  if (password.length === 0) throw new CoreError('INVALID_INPUT', 'Enter a master password.');
  return new TextEncoder().encode(password.normalize('NFC'));
}
