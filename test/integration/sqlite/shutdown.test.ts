import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, startServe, type ServeProcess } from '../../support/serve-process';
import { connectWire } from '../serve/wire-client';
import Database from 'better-sqlite3';
import { makeTempDir } from './sqlite-kit';

let server: ServeProcess | null = null;
let dataDir = '';
let cleanupFiles: (() => Promise<void>) | null = null;

beforeAll(() => buildMain());

afterEach(async () => {
  server?.child.kill('SIGKILL');
  server = null;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  await cleanupFiles?.();
});

describe('shutting down while SQLite is stuck inside one long step', () => {
  it('the headless host still exits promptly on SIGTERM', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-sqlite-shutdown-'));
    const temp = await makeTempDir();
    cleanupFiles = temp.cleanup;
    const file = path.join(temp.dir, 'tiny.sqlite');
    new Database(file).exec('create table t (x integer)').close();
    server = await startServe(['--port', '0', '--data-dir', dataDir, file]);
    const client = await connectWire(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`);
    const info = await client.request('app/info', {});
    expect(info.ok).toBe(true);
    const connectionId = (info as { value: { initialConnectionId: string } }).value.initialConnectionId;
    // count(*) over a huge recursive CTE stays inside SQLite, out of JavaScript's reach, for about a minute.
    const run = await client.request('query/run', {
      connectionId,
      runId: 'stuck',
      sql: 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c',
    });
    expect(run.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await client.request('query/cancel', { runId: 'stuck' })).ok).toBe(true);

    const started = Date.now();
    const exited = new Promise<void>((resolve) => server!.child.once('exit', () => resolve()));
    server.child.kill('SIGTERM');
    await exited;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.stderr() + server.stdout()).toMatch(/still running inside SQLite/);
  });
});
