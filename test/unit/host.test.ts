import Database from 'better-sqlite3';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { InvokeResult } from '../../shared/ipc/wire';
import { emptyDraft } from '../../shared/model/connection';
import { createCore, type Core, type CoreClient } from '../../electron/core/core';

let root: string;
let dataDir: string;
let core: Core;
let client: CoreClient;
const logLines: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-test-host-'));
  dataDir = join(root, 'data');
  const resourcesDir = join(root, 'resources');
  await mkdir(join(resourcesDir, 'sample'), { recursive: true });
  const sample = new Database(join(resourcesDir, 'sample', 'strata-sample.sqlite'));
  sample.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  sample.close();
  core = await createCore({
    dataDir,
    resourcesDir,
    sqliteWorkerPath: resolve('out/main/sqlite-worker.cjs'),
    host: 'web',
    version: '9.9.9-test',
    log: (line) => logLines.push(line),
  });
  client = core.connectClient(() => undefined);
});

afterAll(async () => {
  await core?.dispose();
  await rm(root, { recursive: true, force: true });
});

function expectError(result: InvokeResult, code: string): { code: string; message: string; detail?: { issues?: { path: string; message: string }[] } } {
  expect(result.ok, JSON.stringify(result).slice(0, 500)).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error;
}

async function expectStillAnswering(): Promise<void> {
  const info = await client.invoke('app/info', {});
  expect(info).toMatchObject({ ok: true, value: { version: '9.9.9-test', host: 'web' } });
}

describe('the host', () => {
  it('answers a good call with { ok: true, value } and creates the data directory readable by the user only', async () => {
    const info = await client.invoke('app/info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '9.9.9-test', host: 'web', os: process.platform, canPickFiles: false } });
    if (process.platform !== 'win32') expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
  });

  it('refuses unknown channels with INVALID_INPUT', async () => {
    for (const channel of ['app/quit', '__proto__', 'constructor', 'toString', 42, null, undefined, { channel: 'app/info' }, 'x'.repeat(100_000)]) {
      const error = expectError(await client.invoke(channel, {}), 'INVALID_INPUT');
      expect(error.message.length).toBeLessThan(400);
    }
    await expectStillAnswering();
  });

  it('refuses bad payloads of every kind on every channel, naming the field without echoing the value', async () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const badPayloads: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      true,
      huge,
      { unexpected: 1, [huge.slice(0, 10_000)]: 2 },
      JSON.parse('{"__proto__":{"polluted":true}}'),
    ];
    for (const channel of INVOKE_CHANNELS) {
      for (const payload of badPayloads) {
        const error = expectError(await client.invoke(channel, payload), 'INVALID_INPUT');
        expect(error.detail?.issues?.length).toBeGreaterThan(0);
        expect(JSON.stringify(error).length, `${channel} error size`).toBeLessThan(4000);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectStillAnswering();
  });

  it('refuses a 50 MB statement, wrong field types and a __proto__ key next to good fields', async () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const tooLong = expectError(await client.invoke('query/run', { connectionId: 'c', runId: 'r', sql: huge }), 'INVALID_INPUT');
    expect(tooLong.detail?.issues).toEqual([expect.objectContaining({ path: 'sql' })]);
    expect(tooLong.message).not.toContain('xxxxxxxxxx');

    const wrongType = expectError(await client.invoke('connection/open', { id: 7 }), 'INVALID_INPUT');
    expect(wrongType.detail?.issues?.[0].path).toBe('id');

    const polluted: unknown = JSON.parse('{"id":"c1","__proto__":{"isAdmin":true}}');
    const proto = expectError(await client.invoke('connection/open', polluted), 'INVALID_INPUT');
    expect(proto.detail?.issues?.[0].message).toContain('__proto__');

    const nested = expectError(
      await client.invoke('connection/save', { id: null, draft: { ...emptyDraft('postgres'), name: 'x', port: 'five' }, password: { action: 'keep' } }),
      'INVALID_INPUT',
    );
    expect(nested.detail?.issues?.[0].path).toBe('draft.port');
    await expectStillAnswering();
  });

  it('turns handler failures into { ok: false } with a code the UI can act on', async () => {
    const missing = expectError(await client.invoke('connection/open', { id: 'no-such-connection' }), 'NOT_FOUND');
    expect(missing.message).toMatch(/no longer exists/);

    const pick = expectError(await client.invoke('connection/pick-file', {}), 'UNSUPPORTED');
    expect(pick.message).toMatch(/Type the file's path instead/);

    expectError(await client.invoke('vault/unlock', { password: 'whatever' }), 'VAULT_MISSING');

    const mysql = await client.invoke('connection/save', {
      id: null,
      draft: { ...emptyDraft('mysql'), name: 'Later' },
      password: { action: 'keep' },
    });
    expect(mysql.ok).toBe(true);
    const unsupported = expectError(
      await client.invoke('connection/test', { id: null, draft: { ...emptyDraft('redis'), name: 'Cache' }, password: { action: 'keep' } }),
      'UNSUPPORTED',
    );
    expect(unsupported.message).toMatch(/Redis support is coming in a later version/);

    const notSql = expectError(await client.invoke('connection/open-file', { path: join(root, 'absent.sqlite'), readOnly: false }), 'NOT_FOUND');
    expect(notSql.message).toContain('absent.sqlite');
    expect(await client.invoke('query/cancel', { runId: 'never-started' })).toEqual({ ok: true, value: { cancelled: false } });
    await expectStillAnswering();
  });

  it('creates the built-in sample profile from the bundled file on first start', async () => {
    const info = await client.invoke('app/info', {});
    const list = await client.invoke('connection/list', {});
    if (!info.ok || !list.ok) throw new Error('app/info or connection/list failed');
    const { sampleConnectionId, initialConnectionId } = info.value as { sampleConnectionId: string; initialConnectionId: string };
    expect(sampleConnectionId).toBeTruthy();
    expect(initialConnectionId).toBe(sampleConnectionId);
    expect(list.value).toContainEqual(
      expect.objectContaining({ id: sampleConnectionId, name: 'Sample store', engine: 'sqlite', builtIn: true, filePath: join(dataDir, 'sample', 'strata-sample.sqlite') }),
    );
    expect((await stat(join(dataDir, 'sample', 'strata-sample.sqlite'))).isFile()).toBe(true);
  });

  it('answers a closed client with an error instead of running the call', async () => {
    const other = core.connectClient(() => undefined);
    expect((await other.invoke('app/info', {})).ok).toBe(true);
    other.close();
    expectError(await other.invoke('app/info', {}), 'CONNECTION');
    await expectStillAnswering();
  });
});
