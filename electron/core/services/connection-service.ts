import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { ConnectionTestResult, PickFileKind } from '../../../shared/ipc/contract';
import { emptyDraft, verifiesCertificate, type ConnectionDraft, type ConnectionProfile, type PasswordChange } from '../../../shared/model/connection';
import type { AppQueryLog } from '../activity/app-query-log';
import type { DriverRegistry } from '../drivers/registry';
import type { Dialect, Driver } from '../drivers/types';
import { CoreError } from '../errors';
import type { HandlerGroup } from '../host';
import type { PoolManager } from '../pool/pool-manager';
import type { ConnectionSecrets } from './connection-secrets';
import type { ConnectionStore } from './connection-store';

export interface ConnectionServiceOptions {
  store: ConnectionStore;
  secrets: ConnectionSecrets;
  registry: DriverRegistry;
  pools: PoolManager;
  /** Where drivers record the statements they send on Strata's behalf. */
  appQueries: AppQueryLog;
  /** A native file dialog; absent where the host has none. */
  pickFile?: (kind: PickFileKind) => Promise<string | null>;
  /** Called when a connection's settings changed or it was removed, so caches about it are dropped. */
  onChanged: (id: string) => void;
  log: (line: string) => void;
}

export interface OpenDriver {
  profile: ConnectionProfile;
  dialect: Dialect;
  driver: Driver;
  serverVersion: string;
}

type ConnectionChannel =
  | 'connection/list'
  | 'connection/save'
  | 'connection/delete'
  | 'connection/duplicate'
  | 'connection/test'
  | 'connection/open'
  | 'connection/close'
  | 'connection/open-file'
  | 'connection/pick-file';

/** A profile change to undo when saving its secret and its profile cannot both succeed. */
type Undo = () => Promise<void>;

export class ConnectionService {
  /** Changes to profiles and their secrets run one at a time, so each sees the previous one's result. */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ConnectionServiceOptions) {}

  readonly handlers: HandlerGroup<ConnectionChannel> = {
    'connection/list': async () => this.options.store.list(),
    'connection/save': ({ id, draft, password }) => this.serialized(() => this.save(id, draft, password)),
    'connection/delete': ({ id }) => this.serialized(() => this.delete(id)),
    'connection/duplicate': ({ id }) => this.serialized(() => this.duplicate(id)),
    'connection/test': ({ id, draft, password }) => this.test(id, draft, password),
    'connection/open': async ({ id }) => {
      const { dialect, serverVersion } = await this.openDriver(id);
      return { id, capabilities: dialect.capabilities, serverVersion };
    },
    'connection/close': async ({ id }) => {
      await this.closePool(id);
      return { closed: true };
    },
    'connection/open-file': ({ path, readOnly }) => this.openFile(path, readOnly),
    'connection/pick-file': async ({ kind }) => {
      if (!this.options.pickFile) {
        throw new CoreError('UNSUPPORTED', "This window cannot show a file dialog. Type the file's path instead.");
      }
      return { path: await this.options.pickFile(kind ?? 'sqlite-database') };
    },
  };

  /** Opens (or reuses) the connection's pool. The vault is read only when a new pool needs the password. */
  async openDriver(id: string): Promise<OpenDriver> {
    const profile = this.requireProfile(id);
    const dialect = this.options.registry.dialectFor(profile.engine);
    const { driver, serverVersion } = await this.options.pools.open(id, () =>
      dialect.createDriver({
        profile,
        password: profile.hasPassword ? this.options.secrets.get(id) : null,
        onAppQuery: (report) => this.options.appQueries.record(id, profile.engine, report),
      }),
    );
    return { profile, dialect, driver, serverVersion };
  }

  /**
   * A SQLite profile for the file at `path`: an existing profile of that file is reused (with its
   * read-only setting replaced when `readOnly` is not null), else a new one named after the file.
   */
  openFile(path: string, readOnly: boolean | null): Promise<ConnectionProfile> {
    return this.serialized(async () => {
      const filePath = resolve(path);
      await requireFile(filePath);
      const existing = this.options.store.list().find((profile) => profile.engine === 'sqlite' && profile.filePath === filePath);
      if (existing && (readOnly === null || existing.readOnly === readOnly)) return existing;
      if (existing) {
        const updated = { ...existing, readOnly: readOnly ?? existing.readOnly, updatedAt: new Date().toISOString() };
        await this.options.store.put(updated);
        await this.closePool(existing.id);
        return updated;
      }
      const now = new Date().toISOString();
      const profile: ConnectionProfile = {
        ...emptyDraft('sqlite'),
        name: basename(filePath).slice(0, 200) || filePath.slice(-200),
        filePath,
        readOnly: readOnly ?? false,
        id: randomUUID(),
        hasPassword: false,
        builtIn: false,
        createdAt: now,
        updatedAt: now,
      };
      await this.options.store.put(profile);
      return profile;
    });
  }

  private async save(id: string | null, input: ConnectionDraft, password: PasswordChange): Promise<ConnectionProfile> {
    const draft = normalizeDraft(input);
    const existing = id === null ? undefined : this.requireProfile(id);
    const profileId = existing?.id ?? randomUUID();
    let hasPassword = existing?.hasPassword ?? false;
    let undo: Undo | null = null;
    if (password.action === 'set') {
      await this.options.secrets.requireUnlocked();
      const previous = existing ? this.options.secrets.get(profileId) : null;
      await this.options.secrets.set(profileId, password.value);
      undo = () => this.options.secrets.restore(profileId, previous);
      hasPassword = true;
    } else if (password.action === 'clear' && hasPassword) {
      undo = await this.deleteSecret(profileId);
      hasPassword = false;
    }
    const now = new Date().toISOString();
    const profile: ConnectionProfile = {
      ...draft,
      id: profileId,
      hasPassword,
      builtIn: existing?.builtIn ?? false,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.putOrUndo(profile, undo);
    if (existing) await this.closePool(profileId);
    return profile;
  }

  /**
   * Deleting a connection that has a stored password needs the unlocked vault, so the secret goes
   * with it (VAULT_LOCKED otherwise). Without a vault file there is no secret left to delete.
   */
  private async delete(id: string): Promise<{ deleted: true }> {
    const profile = this.requireProfile(id);
    if (profile.builtIn) {
      throw new CoreError('INVALID_INPUT', `"${profile.name}" is the built-in sample and cannot be deleted. Edit it, or close it instead.`);
    }
    const removeSecret = profile.hasPassword && (await this.options.secrets.vaultExists());
    if (removeSecret) await this.options.secrets.requireUnlocked();
    await this.closePool(id);
    await this.options.store.remove(id);
    if (removeSecret) {
      await this.options.secrets.delete(id).catch((error: unknown) => {
        this.options.log(`The password of deleted connection ${id} stayed in the vault: ${errorText(error)}`);
      });
    }
    return { deleted: true };
  }

  private async duplicate(id: string): Promise<ConnectionProfile> {
    const source = this.requireProfile(id);
    const copyId = randomUUID();
    let hasPassword = false;
    let undo: Undo | null = null;
    if (source.hasPassword) {
      await this.options.secrets.requireUnlocked();
      const secret = this.options.secrets.get(id);
      if (secret !== null) {
        await this.options.secrets.set(copyId, secret);
        undo = () => this.options.secrets.delete(copyId);
        hasPassword = true;
      }
    }
    const now = new Date().toISOString();
    const copy: ConnectionProfile = {
      ...source,
      id: copyId,
      name: this.copyName(source.name),
      hasPassword,
      builtIn: false,
      createdAt: now,
      updatedAt: now,
    };
    await this.putOrUndo(copy, undo);
    return copy;
  }

  /** Connects once with the draft as it stands, times a round trip, and disconnects. */
  private async test(id: string | null, input: ConnectionDraft, password: PasswordChange): Promise<ConnectionTestResult> {
    const draft = normalizeDraft(input);
    const dialect = this.options.registry.dialectFor(draft.engine);
    const secret = this.passwordFor(id, password);
    const profileId = id ?? `test-${randomUUID()}`;
    const driver = dialect.createDriver({
      profile: { ...draft, id: profileId },
      password: secret,
      // Everything a test connection sends is part of the test, whatever the driver calls it.
      onAppQuery: (report) => this.options.appQueries.record(profileId, draft.engine, { ...report, purpose: 'test' }),
    });
    try {
      const server = await driver.init();
      const started = performance.now();
      await driver.ping();
      const roundTripMs = Math.round((performance.now() - started) * 100) / 100;
      return { serverVersion: server.version, roundTripMs };
    } finally {
      await driver.destroy().catch((error: unknown) => this.options.log(`Closing a test connection failed: ${errorText(error)}`));
    }
  }

  private passwordFor(id: string | null, password: PasswordChange): string | null {
    if (password.action === 'set') return password.value;
    if (password.action === 'clear' || id === null) return null;
    const profile = this.requireProfile(id);
    return profile.hasPassword ? this.options.secrets.get(id) : null;
  }

  private async putOrUndo(profile: ConnectionProfile, undo: Undo | null): Promise<void> {
    try {
      await this.options.store.put(profile);
    } catch (error) {
      if (undo) {
        await undo().catch((undoError: unknown) => this.options.log(`Undoing a password change for ${profile.id} failed: ${errorText(undoError)}`));
      }
      throw error;
    }
  }

  /** Removes the stored password and returns how to put it back. */
  private async deleteSecret(id: string): Promise<Undo | null> {
    if (!(await this.options.secrets.vaultExists())) return null;
    await this.options.secrets.requireUnlocked();
    const previous = this.options.secrets.get(id);
    if (previous === null) return null;
    await this.options.secrets.delete(id);
    return () => this.options.secrets.set(id, previous);
  }

  private async closePool(id: string): Promise<void> {
    await this.options.pools.close(id);
    this.options.onChanged(id);
  }

  private requireProfile(id: string): ConnectionProfile {
    const profile = this.options.store.get(id);
    if (!profile) throw new CoreError('NOT_FOUND', 'That connection no longer exists. It may have been deleted in another window.');
    return profile;
  }

  private copyName(name: string): string {
    const taken = new Set(this.options.store.list().map((profile) => profile.name));
    for (let attempt = 1; ; attempt++) {
      const suffix = attempt === 1 ? ' (copy)' : ` (copy ${attempt})`;
      const candidate = name.slice(0, 200 - suffix.length) + suffix;
      if (!taken.has(candidate)) return candidate;
    }
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.changes.then(task, task);
    this.changes = run.catch(() => undefined);
    return run;
  }
}

/**
 * Checks what the schema cannot: each engine's required fields. SQLite paths become absolute. A CA certificate
 * file is kept only for the SSL modes that use it.
 */
function normalizeDraft(input: ConnectionDraft): ConnectionDraft {
  const { sslRootCertPath, ...draft } = input;
  if (draft.engine === 'sqlite') {
    if (draft.filePath.trim() === '') throw new CoreError('INVALID_INPUT', 'Choose the SQLite database file.', { issues: [{ path: 'draft.filePath', message: 'Choose the database file.' }] });
    return { ...draft, filePath: resolve(draft.filePath) };
  }
  if (draft.host.trim() === '') {
    throw new CoreError('INVALID_INPUT', "Enter the server's host name or address.", { issues: [{ path: 'draft.host', message: 'Enter the host.' }] });
  }
  const caFile = verifiesCertificate(draft.sslMode) ? (sslRootCertPath?.trim() ?? '') : '';
  return { ...draft, host: draft.host.trim(), ...(caFile === '' ? {} : { sslRootCertPath: caFile }) };
}

async function requireFile(filePath: string): Promise<void> {
  let stats;
  try {
    stats = await stat(filePath);
  } catch {
    throw new CoreError('NOT_FOUND', `There is no file at ${filePath}. Check the path and try again.`);
  }
  if (!stats.isFile()) throw new CoreError('INVALID_INPUT', `${filePath} is not a file. Choose a SQLite database file.`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
