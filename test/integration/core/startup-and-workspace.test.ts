import Database from 'better-sqlite3';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../../../shared/model/workspace';
import { startTestCore, type TestCore } from './core-harness';

const cores: TestCore[] = [];
async function start(...args: Parameters<typeof startTestCore>): Promise<TestCore> {
  const testCore = await startTestCore(...args);
  cores.push(testCore);
  return testCore;
}

afterEach(async () => {
  for (const testCore of cores.splice(0)) await testCore.cleanup();
});

describe('first start', () => {
  it('copies the bundled sample into the data directory and creates its built-in profile once', async () => {
    let testCore = await start();
    const client = testCore.connect();
    const info = await client.call('app/info', {});
    const sampleFile = join(testCore.dataDir, 'sample', 'strata-sample.sqlite');
    expect(info).toMatchObject({ version: '0.0.0-test', host: 'web', initialConnectionId: info.sampleConnectionId, canPickFiles: false });
    expect(await client.call('connection/list', {})).toEqual([
      expect.objectContaining({ id: info.sampleConnectionId, name: 'Sample store', engine: 'sqlite', builtIn: true, filePath: sampleFile }),
    ]);
    const opened = await client.call('connection/open', { id: info.sampleConnectionId! });
    expect(opened.capabilities.kind).toBe('sql');

    testCore = await testCore.restart();
    cores.push(testCore);
    const again = testCore.connect();
    expect((await again.call('app/info', {})).sampleConnectionId).toBe(info.sampleConnectionId);
    expect(await again.call('connection/list', {})).toHaveLength(1);
  });

  it('starts without a sample, and says so in the log, when the bundled file is missing', async () => {
    const testCore = await start({ withSample: false });
    const client = testCore.connect();
    expect(await client.call('app/info', {})).toMatchObject({ sampleConnectionId: null, initialConnectionId: null });
    expect(await client.call('connection/list', {})).toEqual([]);
    expect(testCore.logLines.join('\n')).toMatch(/sample database is missing/);
  });

  it('opens a file named on the command line first, reusing its profile on the next start', async () => {
    const seed = await start();
    const file = join(seed.root, 'strata_test_core cli.db');
    const database = new Database(file);
    database.exec('CREATE TABLE t (x)');
    database.close();
    await seed.dispose();

    const first = await seed.restart({ initialFile: file });
    cores.push(first);
    const client = first.connect();
    const info = await client.call('app/info', {});
    expect(info.initialConnectionId).not.toBe(info.sampleConnectionId);
    const profiles = await client.call('connection/list', {});
    expect(profiles.find((profile) => profile.id === info.initialConnectionId)).toMatchObject({ engine: 'sqlite', filePath: file, name: 'strata_test_core cli.db' });

    const second = await first.restart({ initialFile: file });
    cores.push(second);
    const secondClient = second.connect();
    expect((await secondClient.call('app/info', {})).initialConnectionId).toBe(info.initialConnectionId);
    expect(await secondClient.call('connection/list', {})).toHaveLength(2);
  });
});

describe('workspace', () => {
  const workspace: Workspace = {
    tabs: [
      { id: 'tab-1', title: 'Orders', connectionId: 'c1', sql: "SELECT * FROM orders WHERE note = '<b>ünïcode</b>';", cursorOffset: 12 },
      { id: 'tab-2', title: 'Scratch', connectionId: null, sql: '', cursorOffset: 0 },
    ],
    activeTabId: 'tab-2',
    activeConnectionId: 'c1',
    theme: 'light',
  };

  it('loads null before the first save, then what was saved, also after a restart', async () => {
    const testCore = await start();
    const client = testCore.connect();
    expect(await client.call('workspace/load', {})).toBeNull();
    expect(await client.call('workspace/save', { workspace })).toEqual({ saved: true });
    expect(await client.call('workspace/load', {})).toEqual(workspace);
    const restarted = await testCore.restart();
    cores.push(restarted);
    expect(await restarted.connect().call('workspace/load', {})).toEqual(workspace);
    if (process.platform !== 'win32') expect((await stat(join(restarted.dataDir, 'workspace.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps the last of several quick saves', async () => {
    const testCore = await start();
    const client = testCore.connect();
    await Promise.all(
      Array.from({ length: 5 }, (_, index) => client.call('workspace/save', { workspace: { ...workspace, activeTabId: `tab-${index}` } })),
    );
    expect((await client.call('workspace/load', {}))?.activeTabId).toBe('tab-4');
  });

  it('moves a corrupt workspace file aside and loads null', async () => {
    const testCore = await start();
    const client = testCore.connect();
    const file = join(testCore.dataDir, 'workspace.json');
    await writeFile(file, '{"tabs": "not a list"}');
    expect(await client.call('workspace/load', {})).toBeNull();
    const aside = (await readdir(testCore.dataDir)).find((name) => name.startsWith('workspace.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(testCore.dataDir, aside!), 'utf8')).toBe('{"tabs": "not a list"}');
    expect(testCore.logLines.join('\n')).toContain(aside!);
    expect(await client.call('workspace/save', { workspace })).toEqual({ saved: true });
    expect(await client.call('workspace/load', {})).toEqual(workspace);
  });
});
