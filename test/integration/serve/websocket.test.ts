import Database from 'better-sqlite3';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBinaryFrame } from '../../../shared/ipc/binary-frame';
import type { AppInfo } from '../../../shared/ipc/contract';
import { buildMain, REPO_ROOT, startServe, type ServeProcess } from '../../support/serve-process';
import { connectWire, type WireClient } from './wire-client';

let tmp: string;
let server: ServeProcess;
let client: WireClient;

beforeAll(async () => {
  buildMain();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-test-serve-ws-'));
  const file = path.join(tmp, 'strata_test_serve.sqlite');
  const db = new Database(file);
  db.exec("CREATE TABLE fruit (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO fruit (name) VALUES ('apple'), ('pear'), ('plum');");
  db.close();
  server = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data'), file]);
  client = await connectWire(wsUrl());
}, 120_000);

afterAll(async () => {
  client?.close();
  await server?.stop();
  await fs.rm(tmp, { recursive: true, force: true });
});

const wsUrl = () => `ws://127.0.0.1:${server.port}/ws?token=${server.token}`;

async function expectServing(wire: WireClient = client): Promise<AppInfo> {
  const result = await wire.request('app/info', {});
  if (!result.ok) throw new Error(`app/info failed: ${result.error.message}`);
  return result.value as AppInfo;
}

describe('WebSocket wire', () => {
  it('answers app/info for the web host with the package version', async () => {
    const packageJson = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const info = await expectServing();
    expect(info.host).toBe('web');
    expect(info.version).toBe(packageJson.version);
    expect(info.initialConnectionId).toEqual(expect.any(String));
  });

  it('streams query events for the file given on the command line', async () => {
    const info = await expectServing();
    const connectionId = info.initialConnectionId as string;
    const opened = await client.request('connection/open', { id: connectionId });
    expect(opened.ok).toBe(true);
    const run = await client.request('query/run', { connectionId, runId: 'strata-test-serve-run', sql: 'SELECT name FROM fruit ORDER BY id' });
    expect(run).toMatchObject({ ok: true, value: { runId: 'strata-test-serve-run', statements: 1 } });
    await expect.poll(() => client.runEnded('strata-test-serve-run'), { timeout: 15_000 }).toBe(true);
    expect(client.statementRows('strata-test-serve-run')).toEqual([['apple'], ['pear'], ['plum']]);
    expect(client.runEvents('strata-test-serve-run').at(-1)?.payload).toMatchObject({ type: 'run-end', status: 'ok' });
  });

  it('answers a frame with an unknown channel or a bad input with INVALID_INPUT', async () => {
    expect(await client.requestRaw(1, '{"id":1,"channel":"fs/read","input":{"path":"/etc/passwd"}}')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await client.requestRaw(2, '{"id":2,"channel":"app/info","input":{"extra":true}}')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await client.requestRaw(3, '{"id":3,"channel":"app/info"}')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('ignores frames it cannot read and keeps serving', async () => {
    client.socket.send('this is not json');
    client.socket.send('{"id":');
    client.socket.send('[]');
    client.socket.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true });
    await expectServing();
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('ignores binary frames from a client, even one holding a well-formed request, and keeps serving', async () => {
    client.socket.send(encodeBinaryFrame({ id: 77, channel: 'app/info', input: {} }), { binary: true });
    client.socket.send(Buffer.from(JSON.stringify({ id: 78, channel: 'app/info', input: {} })), { binary: true });
    await expectServing();
    await expectServing();
    const answered = client.replies.map((reply) => reply.id);
    expect(answered).not.toContain(77);
    expect(answered).not.toContain(78);
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('refuses __proto__ keys with INVALID_INPUT and pollutes nothing', async () => {
    const result = await client.requestRaw(4, '{"id":4,"channel":"app/info","input":{"__proto__":{"isAdmin":true}}}');
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const nested = await client.requestRaw(5, '{"id":5,"channel":"workspace/save","input":{"workspace":{"__proto__":{"tabs":[]}}}}');
    expect(nested).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expectServing();
  });

  it('answers a 20 MB statement with INVALID_INPUT and keeps serving', async () => {
    const info = await expectServing();
    const sql = `SELECT '${'x'.repeat(20 * 1024 * 1024)}'`;
    const result = await client.request('query/run', { connectionId: info.initialConnectionId, runId: 'strata-test-serve-huge', sql });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expectServing();
  });

  it('closes the socket cleanly on a frame over the size limit, and the server keeps serving', async () => {
    const victim = await connectWire(wsUrl());
    victim.socket.send(JSON.stringify({ id: 9, channel: 'app/info', input: { padding: 'y'.repeat(40 * 1024 * 1024) } }));
    expect(await victim.closed).toBe(1009);
    await expectServing();
    const next = await connectWire(wsUrl());
    await expectServing(next);
    next.close();
  });
});
