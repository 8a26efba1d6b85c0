import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/model/connection';
import { batchRows } from '../../../shared/result-batch/read';
import { createSqliteDialect } from '../../../electron/core/drivers/sqlite/dialect';
import type { Driver } from '../../../electron/core/drivers/types';
import { TableDataService } from '../../../electron/core/services/table-data-service';
import { WORKER_PATH } from './sqlite-kit';

const columns = (count: number) => Array.from({ length: count }, (_, index) => `c${index}`);

/**
 * SQLite keeps a blob in any column, so the table editor asks per cell. Its blob mask is one more
 * result column, which a table of SQLite's maximum 2,000 columns has no room for.
 */
describe('SQLite table pages say which cells are blobs', () => {
  let dir = '';
  let file = '';
  const drivers: Driver[] = [];
  let service: TableDataService;
  const path = (table: string) => [
    { kind: 'group' as const, name: 'tables' },
    { kind: 'table' as const, name: table },
  ];
  const page = (table: string) => service.rows({ connectionId: 'c', path: path(table), filters: [], sort: [], offset: 0, limit: 10 });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-blob-cells-'));
    file = join(dir, 'blobs.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE mixed (id INTEGER PRIMARY KEY, anything, label TEXT)');
    db.exec("INSERT INTO mixed VALUES (1, X'00ff', 'a'), (2, '\\x00ff', X'41'), (3, 7, NULL)");
    for (const [name, count] of [['wide', 1999], ['widest', 2000]] as const) {
      db.exec(`CREATE TABLE ${name} (${columns(count).map((column, index) => `${column} ${index === 0 ? 'INTEGER PRIMARY KEY' : ''}`).join(', ')})`);
      db.exec(`INSERT INTO ${name} (c0, c1, c2, c${count - 1}) VALUES (1, X'01', 'text', X'02'), (2, X'03', X'04', 'more text')`);
    }
    db.close();
    const dialect = createSqliteDialect({ workerPath: WORKER_PATH });
    service = new TableDataService({
      openDriver: async () => {
        const profile = { ...emptyDraft('sqlite'), id: 'blob-cells', name: 'blob cells', filePath: file, hasPassword: false, builtIn: false, createdAt: '', updatedAt: '' };
        const driver = dialect.createDriver({ profile, password: null });
        drivers.push(driver);
        const { version } = await driver.init();
        return { profile, dialect, driver, serverVersion: version };
      },
      retain: () => () => undefined,
      log: () => undefined,
    });
  });

  afterAll(async () => {
    for (const driver of drivers) await driver.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('tells a blob from text that looks like one in a column mixing both', async () => {
    const mixed = await page('mixed');
    expect(batchRows(mixed.batches[0])).toEqual([
      ['1', '\\x00ff', 'a'],
      ['2', '\\x00ff', '\\x41'],
      ['3', '7', null],
    ]);
    expect(mixed.blobCells).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('reads the mask of a table of 1,999 columns and leaves it out of the page', async () => {
    const wide = await page('wide');
    expect(wide.batches[0].columns).toHaveLength(1999);
    expect(wide.blobCells).toEqual([
      [0, 1],
      [0, 1998],
      [1, 1],
      [1, 2],
    ]);
  });

  it('loads a table of 2,000 columns without a mask, marking the columns that hold only blobs', async () => {
    const widest = await page('widest');
    expect(widest.batches[0].columns).toHaveLength(2000);
    expect(batchRows(widest.batches[0]).map((row) => [row[0], row[1], row[2], row[1999]])).toEqual([
      ['1', '\\x01', 'text', '\\x02'],
      ['2', '\\x03', '\\x04', 'more text'],
    ]);
    expect(widest.blobCells).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});
