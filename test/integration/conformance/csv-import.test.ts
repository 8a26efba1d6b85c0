import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriverRegistry } from '../../../electron/core/drivers/registry';
import type { Driver } from '../../../electron/core/drivers/types';
import { CoreError } from '../../../electron/core/errors';
import { ImportService } from '../../../electron/core/services/import-service';
import { contract, type ChannelInput, type ChannelOutput } from '../../../shared/ipc/contract';
import type { ConnectionProfile } from '../../../shared/model/connection';
import type { PathSegment } from '../../../shared/model/schema';
import { runCsvImport, type ImportInvoke, type ImportPlan } from '../../../renderer/features/import/import-runner';
import { engineKits, type EngineKit } from './engine-kits';

type ImportChannel = 'import/begin' | 'import/rows' | 'import/commit' | 'import/abort';

/** The import service on real drivers, each call validated by the contract as the host does. */
function importHarness(kit: EngineKit, idleMs?: number) {
  const registry = createDriverRegistry({ sqliteWorkerPath: resolve('out/main/sqlite-worker.cjs') });
  const drivers: Driver[] = [];
  const profile: ConnectionProfile = { ...kit.draft(), id: 'conn-1', hasPassword: false, builtIn: false, createdAt: new Date(0).toISOString(), updatedAt: new Date(0).toISOString() };
  let opened: Promise<Awaited<ReturnType<ConstructorParameters<typeof ImportService>[0]['openDriver']>>> | null = null;
  const service = new ImportService({
    openDriver: () =>
      (opened ??= (async () => {
        const dialect = registry.dialectFor(profile.engine);
        const driver = dialect.createDriver({ profile, password: null });
        drivers.push(driver);
        const { version } = await driver.init();
        return { profile, dialect, driver, serverVersion: version };
      })()),
    retain: () => () => undefined,
    log: () => undefined,
    idleMs,
  });
  const client = { id: 'client-1', emit: () => undefined };
  const invoke: ImportInvoke = async <C extends ImportChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const parsed = contract[channel].input.parse(input);
    const handler = service.handlers[channel] as (input: unknown, client: unknown) => Promise<ChannelOutput<C>>;
    return handler(parsed, client);
  };
  return { service, invoke, client, dispose: () => Promise.all(drivers.map((driver) => driver.destroy())) };
}

const planFor = (kit: EngineKit, table: string, mapping: (string | null)[], overrides: Partial<ImportPlan> = {}): ImportPlan => ({
  connectionId: 'conn-1',
  path: kit.tablePath(table) as PathSegment[],
  format: { delimiter: ',', newline: '\n' },
  hasHeader: true,
  mapping,
  emptyAsNull: true,
  ...overrides,
});

async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreError) return { code: error.code, message: error.message };
    if (error instanceof Error) return { code: 'ERROR', message: error.message };
  }
  throw new Error('expected the import to fail');
}

const noProgress = () => undefined;

describe.each(engineKits())('CSV import on $label', (kit) => {
  const text = kit.engine === 'mysql' ? 'VARCHAR(500)' : 'TEXT';
  const integer = kit.engine === 'mysql' ? 'INT' : 'INTEGER';
  const strict = kit.engine === 'sqlite' ? ' STRICT' : '';
  const hostile = 'imp "q" `b`.x';
  let harness: ReturnType<typeof importHarness>;

  beforeAll(async () => {
    await kit.setup();
    harness = importHarness(kit);
  });
  afterAll(async () => {
    await harness.dispose();
    await kit.teardown();
  });

  it('imports quotes, embedded line breaks, unicode and empty fields into a hostile table and reads them back exactly', async () => {
    await kit.admin(`CREATE TABLE ${kit.quote(hostile)} (id ${integer} PRIMARY KEY, ${kit.quote('na me?')} ${text} NULL, note ${text} NULL)`);
    const csv = [
      'id,na me?,skipped,note',
      '1,"He said ""hi""",x,plain',
      '2,"two\nlines\r\nand more",x,',
      '',
      '3,Zoë 日本 🎉,x,"comma, inside"',
      '4,,x,""',
    ].join('\n');
    const inserted = await runCsvImport(new Blob([csv]), planFor(kit, hostile, ['id', 'na me?', null, 'note']), harness.invoke, noProgress, new AbortController().signal);
    expect(inserted).toBe(4);
    const rows = await kit.admin(`SELECT id, ${kit.quote('na me?')} AS name, note FROM ${kit.quote(hostile)} ORDER BY id`);
    expect(rows.map((row) => [Number(row.id), row.name, row.note])).toEqual([
      [1, 'He said "hi"', 'plain'],
      [2, 'two\nlines\r\nand more', null],
      [3, 'Zoë 日本 🎉', 'comma, inside'],
      [4, null, null],
    ]);
  });

  it('keeps empty fields as empty strings when asked to', async () => {
    await kit.admin(`CREATE TABLE empties (id ${integer} PRIMARY KEY, note ${text} NULL)`);
    await runCsvImport(new Blob(['id,note\n1,\n2,x\n']), planFor(kit, 'empties', ['id', 'note'], { emptyAsNull: false }), harness.invoke, noProgress, new AbortController().signal);
    const rows = await kit.admin('SELECT id, note FROM empties ORDER BY id');
    expect(rows.map((row) => row.note)).toEqual(['', 'x']);
  });

  describe('a bad row', () => {
    beforeAll(async () => {
      await kit.admin(`CREATE TABLE stock (id ${integer} PRIMARY KEY, qty ${integer} NOT NULL CHECK (qty >= 0))${strict}`);
      await kit.admin('INSERT INTO stock (id, qty) VALUES (1000000, 5)');
    });

    const csvWithBadLine = (bad: string) => {
      const lines = ['id,qty'];
      for (let id = 1; id <= 7000; id += 1) lines.push(id === 6500 ? bad : `${id},${id % 50}`);
      return lines.join('\n');
    };

    it.each([
      ['a value of the wrong type', '6500,abc'],
      ['a CHECK constraint', '6500,-4'],
      ['a NOT NULL column left empty', '6500,'],
      ['a duplicate key', '42,1'],
    ])('%s names its file line and leaves the table unchanged, earlier batches included', async (_what, bad) => {
      const failure = await failureOf(
        runCsvImport(new Blob([csvWithBadLine(bad)]), planFor(kit, 'stock', ['id', 'qty']), harness.invoke, noProgress, new AbortController().signal),
      );
      expect(failure.code).toBe('QUERY');
      expect(failure.message).toMatch(/^Line 6501: /);
      expect(failure.message).toContain('Nothing was imported');
      expect(await kit.admin('SELECT id, qty FROM stock')).toEqual([{ id: 1000000, qty: 5 }]);
    });

    it('counts lines across quoted line breaks', async () => {
      const csv = 'id,note\n10,"a\nb"\n11,"c\r\nd\n"\n10,dup\n';
      const failure = await failureOf(runCsvImport(new Blob([csv]), planFor(kit, 'empties', ['id', 'note']), harness.invoke, noProgress, new AbortController().signal));
      expect(failure.message).toMatch(/^Line 7: /);
      expect((await kit.admin('SELECT id FROM empties ORDER BY id')).map((row) => Number(row.id))).toEqual([1, 2]);
    });
  });

  it('streams 100,000 rows in batches through one transaction', async () => {
    await kit.admin(`CREATE TABLE big (id ${integer} PRIMARY KEY, label ${text} NOT NULL)`);
    const lines = ['id,label'];
    for (let id = 1; id <= 100_000; id += 1) lines.push(`${id},row ${id}`);
    const batches: number[] = [];
    const inserted = await runCsvImport(
      new Blob([lines.join('\n')]),
      planFor(kit, 'big', ['id', 'label']),
      async (channel, input) => {
        if (channel === 'import/rows') batches.push((input as ChannelInput<'import/rows'>).rows.length);
        return harness.invoke(channel, input);
      },
      noProgress,
      new AbortController().signal,
    );
    expect(inserted).toBe(100_000);
    expect(batches.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...batches)).toBeLessThanOrEqual(5000);
    const [summary] = await kit.admin('SELECT COUNT(*) AS n, SUM(id) AS total, MAX(label) AS top FROM big');
    expect([Number(summary.n), Number(summary.total), summary.top]).toEqual([100_000, 5_000_050_000, 'row 99999']);
  });

  // MariaDB's Aria cannot roll back even with TRANSACTIONAL=1 (that makes it crash-safe only): ENGINES says TRANSACTIONS = NO.
  describe.runIf(kit.engine === 'mysql')('into a table whose storage engine cannot roll back', () => {
    const database = () => kit.tablePath('x')[0].name;
    const refusal = (table: string, engine: string) =>
      `The table \`${database()}\`.\`${table}\` uses the ${engine} storage engine, which cannot roll back: if a row failed, the rows imported before it would stay in the table. ` +
      `Convert the table first (ALTER TABLE \`${database()}\`.\`${table}\` ENGINE=InnoDB), or import into an InnoDB table.`;

    const importValidFile = (table: string, channels: string[]) =>
      runCsvImport(
        new Blob(['id,label\n2,two\n3,three\n']),
        planFor(kit, table, ['id', 'label']),
        async (channel, input) => {
          channels.push(channel);
          return harness.invoke(channel, input);
        },
        noProgress,
        new AbortController().signal,
      );

    it.each([
      ['MyISAM', 'ENGINE=MyISAM'],
      ['MEMORY', 'ENGINE=MEMORY'],
      ['Aria', 'ENGINE=Aria TRANSACTIONAL=1'],
    ])('%s: refuses a valid file before any row is written, and leaves the table unchanged', async (engine, options) => {
      const table = `nontx_${engine.toLowerCase()}`;
      await kit.admin(`CREATE TABLE ${table} (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL) ${options}`);
      await kit.admin(`INSERT INTO ${table} (id, label) VALUES (1, 'kept')`);
      const channels: string[] = [];
      const failure = await failureOf(importValidFile(table, channels));
      expect(failure).toEqual({ code: 'UNSUPPORTED', message: refusal(table, engine) });
      expect(channels).toEqual(['import/begin']);
      expect(await kit.admin(`SELECT id, label FROM ${table}`)).toEqual([{ id: 1, label: 'kept' }]);
    });

    it('imports once the table is converted to InnoDB, as the message advises', async () => {
      await kit.admin('CREATE TABLE converted (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL) ENGINE=MyISAM');
      expect((await failureOf(importValidFile('converted', []))).code).toBe('UNSUPPORTED');
      await kit.admin('ALTER TABLE converted ENGINE=InnoDB');
      expect(await importValidFile('converted', [])).toBe(2);
      expect((await kit.admin('SELECT id FROM converted ORDER BY id')).map((row) => row.id)).toEqual([2, 3]);
    });
  });

  describe('an import that does not finish', () => {
    beforeAll(async () => {
      await kit.admin(`CREATE TABLE pending (id ${integer} PRIMARY KEY)`);
    });

    const begin = (invoke: ImportInvoke) => invoke('import/begin', { connectionId: 'conn-1', path: kit.tablePath('pending') as PathSegment[], columns: ['id'] });

    it('is rolled back by import/abort, and later calls say it is no longer open', async () => {
      const { importId } = await begin(harness.invoke);
      expect(await harness.invoke('import/rows', { importId, firstLine: 2, rows: [['1'], ['2']] })).toEqual({ inserted: 2 });
      expect(await harness.invoke('import/abort', { importId })).toEqual({ aborted: true });
      expect(await kit.admin('SELECT id FROM pending')).toEqual([]);
      expect((await failureOf(harness.invoke('import/rows', { importId, firstLine: 4, rows: [['3']] }))).code).toBe('NOT_FOUND');
      expect(await harness.invoke('import/abort', { importId })).toEqual({ aborted: false });
    });

    it('is rolled back when its client closes', async () => {
      const { importId } = await begin(harness.invoke);
      await harness.invoke('import/rows', { importId, firstLine: 2, rows: [['1']] });
      await harness.service.closeClient(harness.client.id);
      expect(await kit.admin('SELECT id FROM pending')).toEqual([]);
      expect((await failureOf(harness.invoke('import/commit', { importId }))).code).toBe('NOT_FOUND');
    });

    it('is rolled back after sitting idle', async () => {
      const idle = importHarness(kit, 50);
      try {
        const { importId } = await begin(idle.invoke);
        await idle.invoke('import/rows', { importId, firstLine: 2, rows: [['7']] });
        await expect.poll(() => failureOf(idle.invoke('import/rows', { importId, firstLine: 3, rows: [['8']] })).then((f) => f.code), { timeout: 10_000 }).toBe('NOT_FOUND');
        expect(await kit.admin('SELECT id FROM pending')).toEqual([]);
      } finally {
        await idle.dispose();
      }
    });

    it('refuses a row whose value count differs from the mapped columns, naming its line', async () => {
      const { importId } = await begin(harness.invoke);
      const failure = await failureOf(harness.invoke('import/rows', { importId, firstLine: 2, rows: [['1'], ['2', 'extra']] }));
      expect(failure).toEqual({ code: 'INVALID_INPUT', message: 'Line 3 has 2 values where 1 columns are imported. Nothing was imported.' });
    });
  });
});
