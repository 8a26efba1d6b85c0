import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../../shared/model/connection';
import { Vault } from '../../../electron/core/vault/vault';
import { errorCode, PG_DRAFT, startTestCore, type TestClient, type TestCore } from './core-harness';

const PG_PASSWORD = 'strata-test-pw';
const MASTER_PASSWORD = 'strata test master password';
const PW_DRAFT = { ...PG_DRAFT, name: 'strata_test_core password user', user: 'strata_pw_user' };

let testCore: TestCore;
let client: TestClient;
let observer: TestClient;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
  observer = testCore.connect();
});

afterAll(async () => {
  await testCore?.cleanup();
});

const connectionsFile = () => readFile(join(testCore.dataDir, 'connections.json'), 'utf8');
const names = async () => (await client.call('connection/list', {})).map((profile) => profile.name);

describe('connection profiles', () => {
  it('saves, lists, edits, duplicates and deletes a profile, keeping it in connections.json', async () => {
    const saved = await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } });
    expect(saved).toMatchObject({ ...PG_DRAFT, hasPassword: false, builtIn: false });
    expect(await names()).toContain(PG_DRAFT.name);
    expect(JSON.parse(await connectionsFile()).connections).toContainEqual(saved);

    const edited = await client.call('connection/save', {
      id: saved.id,
      draft: { ...PG_DRAFT, name: 'strata_test_core renamed', statementTimeoutMs: 5000 },
      password: { action: 'keep' },
    });
    expect(edited).toMatchObject({ id: saved.id, name: 'strata_test_core renamed', statementTimeoutMs: 5000, createdAt: saved.createdAt });
    expect(await names()).not.toContain(PG_DRAFT.name);

    const copy = await client.call('connection/duplicate', { id: saved.id });
    expect(copy.id).not.toBe(saved.id);
    expect(copy).toMatchObject({ name: 'strata_test_core renamed (copy)', host: '127.0.0.1', statementTimeoutMs: 5000, builtIn: false });
    const secondCopy = await client.call('connection/duplicate', { id: saved.id });
    expect(secondCopy.name).toBe('strata_test_core renamed (copy 2)');

    for (const profile of [saved, copy, secondCopy]) expect(await client.call('connection/delete', { id: profile.id })).toEqual({ deleted: true });
    const remaining = await client.call('connection/list', {});
    expect(remaining.map((profile) => profile.id)).not.toContain(saved.id);
    expect(JSON.parse(await connectionsFile()).connections).toHaveLength(remaining.length);
    expect(await errorCode(client.call('connection/delete', { id: saved.id }))).toBe('NOT_FOUND');
  });

  it('saves profiles of engines without a driver yet, but refuses to open them', async () => {
    const mongodb = await client.call('connection/save', {
      id: null,
      draft: { ...PG_DRAFT, engine: 'mongodb', port: 27017, user: '', name: 'strata_test_core mongodb' },
      password: { action: 'keep' },
    });
    const result = await client.callRaw('connection/open', { id: mongodb.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/MongoDB support is coming in a later version/) } });
    await client.call('connection/delete', { id: mongodb.id });
  });

  it('opens a MariaDB profile and lists its databases', async () => {
    const mariadb = await client.call('connection/save', {
      id: null,
      draft: { ...PG_DRAFT, engine: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: '', name: 'strata_test_core mariadb' },
      password: { action: 'keep' },
    });
    const opened = await client.callRaw('connection/open', { id: mariadb.id });
    expect(opened).toMatchObject({ ok: true });
    const root = await client.call('schema/children', { connectionId: mariadb.id, path: [] });
    expect(root.names).toContain('mysql');
    await client.call('connection/delete', { id: mariadb.id });
  });

  it('refuses to delete the built-in sample', async () => {
    const sample = (await client.call('connection/list', {})).find((profile) => profile.builtIn);
    expect(sample).toBeDefined();
    expect(await errorCode(client.call('connection/delete', { id: sample!.id }))).toBe('INVALID_INPUT');
    expect((await client.call('connection/list', {})).some((profile) => profile.id === sample!.id)).toBe(true);
  });

  it('makes one SQLite profile per file with open-file and reuses it', async () => {
    const sampleFile = join(testCore.dataDir, 'sample', 'strata-sample.sqlite');
    const copyPath = join(testCore.root, 'strata_test_core shop.sqlite');
    await writeFile(copyPath, await readFile(sampleFile));
    const first = await client.call('connection/open-file', { path: copyPath, readOnly: false });
    expect(first).toMatchObject({ engine: 'sqlite', name: 'strata_test_core shop.sqlite', filePath: copyPath, readOnly: false });
    const again = await client.call('connection/open-file', { path: copyPath, readOnly: true });
    expect(again).toMatchObject({ id: first.id, readOnly: true });
    expect((await client.call('connection/list', {})).filter((profile) => profile.filePath === copyPath)).toHaveLength(1);
    const opened = await client.call('connection/open', { id: first.id });
    expect(opened.capabilities.kind).toBe('sql');
    await client.call('connection/close', { id: first.id });
    await client.call('connection/delete', { id: first.id });
  });
});

describe('passwords and the vault', () => {
  let withPassword: ConnectionProfile;

  it('refuses a password-protected save without a vault, saving nothing', async () => {
    const before = await connectionsFile();
    const result = await client.callRaw('connection/save', { id: null, draft: PW_DRAFT, password: { action: 'set', value: PG_PASSWORD } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VAULT_MISSING' } });
    expect(await names()).not.toContain(PW_DRAFT.name);
    expect(await connectionsFile()).toBe(before);
    expect(await readdir(testCore.dataDir)).not.toContain('vault.strata');
  });

  it('saves the password in the vault once it exists and is unlocked', async () => {
    expect(await client.call('vault/create', { password: MASTER_PASSWORD })).toEqual({ exists: true, unlocked: true });
    withPassword = await client.call('connection/save', { id: null, draft: PW_DRAFT, password: { action: 'set', value: PG_PASSWORD } });
    expect(withPassword).toMatchObject({ name: PW_DRAFT.name, hasPassword: true });
    expect(await connectionsFile()).not.toContain(PG_PASSWORD);
    expect(JSON.parse(await connectionsFile()).connections).toContainEqual(withPassword);
  });

  it('tests and opens the connection with the stored password, and reports a wrong one as AUTH', async () => {
    const tested = await client.call('connection/test', { id: withPassword.id, draft: PW_DRAFT, password: { action: 'keep' } });
    expect(tested.serverVersion).toMatch(/\d+\.\d+/);
    expect(tested.roundTripMs).toBeGreaterThanOrEqual(0);
    expect(await errorCode(client.call('connection/test', { id: null, draft: PW_DRAFT, password: { action: 'set', value: 'wrong' } }))).toBe('AUTH');
    expect(await errorCode(client.call('connection/test', { id: null, draft: PW_DRAFT, password: { action: 'keep' } }))).toBe('AUTH');

    const opened = await client.call('connection/open', { id: withPassword.id });
    expect(opened).toMatchObject({ id: withPassword.id, capabilities: { kind: 'sql', cancel: true } });
    await observer.waitForEvent('connection/state', (event) => event.id === withPassword.id && event.state === 'open');
  });

  it('closes the open pool when the profile is edited, keeping the password', async () => {
    const edited = await client.call('connection/save', {
      id: withPassword.id,
      draft: { ...PW_DRAFT, name: 'strata_test_core password user (edited)' },
      password: { action: 'keep' },
    });
    expect(edited.hasPassword).toBe(true);
    await observer.waitForEvent('connection/state', (event) => event.id === withPassword.id && event.state === 'closed');
    const tested = await client.call('connection/test', { id: withPassword.id, draft: PW_DRAFT, password: { action: 'keep' } });
    expect(tested.serverVersion).toMatch(/\d+\.\d+/);
  });

  it('copies the secret when duplicating', async () => {
    const copy = await client.call('connection/duplicate', { id: withPassword.id });
    expect(copy.hasPassword).toBe(true);
    expect((await client.call('connection/test', { id: copy.id, draft: PW_DRAFT, password: { action: 'keep' } })).serverVersion).toMatch(/\d+\.\d+/);
    await client.call('connection/delete', { id: copy.id });
  });

  it('needs the unlocked vault to set, use, duplicate or delete a stored password', async () => {
    expect(await client.call('vault/lock', {})).toEqual({ exists: true, unlocked: false });
    const before = await connectionsFile();
    expect(await errorCode(client.call('connection/save', { id: null, draft: { ...PW_DRAFT, name: 'strata_test_core locked' }, password: { action: 'set', value: 'x' } }))).toBe(
      'VAULT_LOCKED',
    );
    expect(await errorCode(client.call('connection/open', { id: withPassword.id }))).toBe('VAULT_LOCKED');
    expect(await errorCode(client.call('connection/duplicate', { id: withPassword.id }))).toBe('VAULT_LOCKED');
    expect(await errorCode(client.call('connection/delete', { id: withPassword.id }))).toBe('VAULT_LOCKED');
    expect(await connectionsFile()).toBe(before);
    expect(await errorCode(client.call('vault/unlock', { password: 'not the master password' }))).toBe('AUTH');
    expect(await client.call('vault/unlock', { password: MASTER_PASSWORD })).toEqual({ exists: true, unlocked: true });
  });

  it('clears the password on request and removes the secret from the vault', async () => {
    const copy = await client.call('connection/duplicate', { id: withPassword.id });
    const cleared = await client.call('connection/save', { id: copy.id, draft: PW_DRAFT, password: { action: 'clear' } });
    expect(cleared.hasPassword).toBe(false);
    expect(await storedSecret(copy.id)).toBeNull();
    await client.call('connection/delete', { id: copy.id });
  });

  it('deletes the secret together with its profile', async () => {
    expect(await storedSecret(withPassword.id)).toBe(PG_PASSWORD);
    await client.call('connection/delete', { id: withPassword.id });
    expect(await storedSecret(withPassword.id)).toBeNull();
    expect(await names()).not.toContain('strata_test_core password user (edited)');
  });

  it('never let the password out: not in connections.json, any reply or any event', async () => {
    expect(await connectionsFile()).not.toContain(PG_PASSWORD);
    for (const testClient of [client, observer]) {
      expect(JSON.stringify(testClient.results)).not.toContain(PG_PASSWORD);
      expect(JSON.stringify(testClient.events)).not.toContain(PG_PASSWORD);
    }
    expect(testCore.logLines.join('\n')).not.toContain(PG_PASSWORD);
    expect(testCore.logLines.join('\n')).not.toContain(MASTER_PASSWORD);
  });
});

describe('production and destructive-statement settings', () => {
  it('saves a production profile with its confirmation setting and keeps both in connections.json', async () => {
    const saved = await client.call('connection/save', {
      id: null,
      draft: { ...PG_DRAFT, name: 'strata_test_core production', production: true, confirmDestructive: true, color: '#ef4444' },
      password: { action: 'keep' },
    });
    expect(saved).toMatchObject({ production: true, confirmDestructive: true });
    const stored = JSON.parse(await connectionsFile()).connections.find((profile: ConnectionProfile) => profile.id === saved.id);
    expect(stored).toMatchObject({ production: true, confirmDestructive: true });
    const relaxed = await client.call('connection/save', {
      id: saved.id,
      draft: { ...PG_DRAFT, name: 'strata_test_core scratch', production: false, confirmDestructive: false },
      password: { action: 'keep' },
    });
    expect(relaxed).toMatchObject({ production: false, confirmDestructive: false });
    await client.call('connection/delete', { id: saved.id });
  });

  it('gives a draft without the new settings the safe defaults', async () => {
    const { production: _production, confirmDestructive: _confirm, ...olderDraft } = PG_DRAFT;
    const saved = await client.call('connection/save', { id: null, draft: { ...olderDraft, name: 'strata_test_core older client' }, password: { action: 'keep' } });
    expect(saved).toMatchObject({ production: false, confirmDestructive: true });
    await client.call('connection/delete', { id: saved.id });
  });

  it('loads profiles saved before the settings existed as not production, with confirmations on', async () => {
    const older = {
      id: 'strata_test_core-older-profile',
      name: 'strata_test_core older profile',
      color: '#3b82f6',
      engine: 'postgres',
      host: '127.0.0.1',
      port: 5432,
      database: 'postgres',
      user: 'postgres',
      sslMode: 'disable',
      filePath: '',
      readOnly: true,
      statementTimeoutMs: 0,
      connectTimeoutMs: 10_000,
      hasPassword: false,
      builtIn: false,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    };
    await testCore.dispose();
    const file = join(testCore.dataDir, 'connections.json');
    const current = JSON.parse(await readFile(file, 'utf8'));
    await writeFile(file, JSON.stringify({ version: 1, connections: [...current.connections, older] }));
    testCore = await testCore.restart();
    client = testCore.connect();
    observer = testCore.connect();

    const loaded = (await client.call('connection/list', {})).find((profile) => profile.id === older.id);
    expect(loaded).toEqual({ ...older, production: false, confirmDestructive: true });
    expect((await readdir(testCore.dataDir)).some((name) => name.startsWith('connections.json.corrupt-'))).toBe(false);
    const opened = await client.call('connection/open', { id: older.id });
    expect(opened.capabilities.kind).toBe('sql');
    await client.call('connection/close', { id: older.id });
    await client.call('connection/delete', { id: older.id });
  });
});

describe('a corrupt connections.json', () => {
  it('is moved aside and reported, and the app starts with the sample only', async () => {
    await client.call('connection/save', { id: null, draft: PG_DRAFT, password: { action: 'keep' } });
    const restarted = await testCore.restart();
    testCore = restarted;
    await restarted.dispose();
    await writeFile(join(restarted.dataDir, 'connections.json'), '{"version": 1, "connections": [{"id": 5}]');
    testCore = await restarted.restart();
    client = testCore.connect();
    observer = testCore.connect();
    const list = await client.call('connection/list', {});
    expect(list.map((profile) => profile.name)).toEqual(['Sample store']);
    const files = await readdir(testCore.dataDir);
    const aside = files.find((file) => file.startsWith('connections.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(testCore.dataDir, aside!), 'utf8')).toBe('{"version": 1, "connections": [{"id": 5}]');
    expect(testCore.logLines.join('\n')).toContain(aside!);
  });
});

async function storedSecret(connectionId: string): Promise<string | null> {
  const vault = new Vault(join(testCore.dataDir, 'vault.strata'));
  await vault.unlock(MASTER_PASSWORD);
  try {
    return vault.getSecret(`connection:${connectionId}:password`);
  } finally {
    vault.lock();
  }
}
