import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionDraft } from '../../../shared/model/connection';
import type { Cell } from '../../../shared/model/query';
import { batchRows } from '../../../shared/result-batch/read';
import type { TableChange } from '../../../shared/sql/dml';
import type { TableFilter, TableRowsPage, TableSort } from '../../../shared/sql/table-query';
import { createDriverRegistry } from '../../../electron/core/drivers/registry';
import type { Driver } from '../../../electron/core/drivers/types';
import { CoreError } from '../../../electron/core/errors';
import type { OpenDriver } from '../../../electron/core/services/connection-service';
import { TableDataService } from '../../../electron/core/services/table-data-service';
import { engineKits, type EngineKit } from './engine-kits';

const PEOPLE = 'people';
const KEYLESS = 'keyless log';
const HOSTILE_TABLE = 'we"ird `t` ?$1.x select';
const HOSTILE_COLUMN = 'na"me` ?';
const DOLLAR_COLUMN = '$1';
const RESERVED_COLUMN = 'order';
const BLOBS = 'blobs';
const BINARY_KEYED = 'binary keyed';
const HEX_PARENTS = 'hex parents';
const HEX_CHILDREN = 'hex children';
const BITS = 'bits';

const ALL_BYTES_HEX = Buffer.from(Uint8Array.from({ length: 256 }, (_, byte) => byte)).toString('hex');
/** 1 MiB that is not a repeating pattern, the same every run. */
const MEGABYTE_HEX = Buffer.from(Uint8Array.from({ length: 1024 * 1024 }, (_, index) => (index * 2_654_435_761) >>> 24)).toString('hex');

/** The server's own hex of a binary column, uppercase. */
const hexOf: Record<EngineKit['engine'], (column: string) => string> = {
  postgres: (column) => `upper(encode(${column}, 'hex'))`,
  mysql: (column) => `HEX(${column})`,
  sqlite: (column) => `hex(${column})`,
};
/** A column of bytes up to 1 MiB, and one short enough for a key. */
const binaryTypes: Record<EngineKit['engine'], { blob: string; key: string }> = {
  postgres: { blob: 'bytea', key: 'bytea' },
  mysql: { blob: 'LONGBLOB', key: 'VARBINARY(16)' },
  sqlite: { blob: 'BLOB', key: 'BLOB' },
};

const registry = createDriverRegistry({ sqliteWorkerPath: resolve('out/main/sqlite-worker.cjs') });

/** The service under test on real drivers, one per profile variant (read-write, read-only). */
function serviceFor(kit: EngineKit, drivers: Driver[], overrides: Partial<ConnectionDraft> = {}, exactCountCap?: number): TableDataService {
  let opened: Promise<OpenDriver> | null = null;
  const open = async (): Promise<OpenDriver> => {
    const profile = { ...kit.draft(overrides), id: `conformance-${kit.engine}`, hasPassword: false, builtIn: false, createdAt: '', updatedAt: '' };
    const dialect = registry.dialectFor(profile.engine);
    const driver = dialect.createDriver({ profile, password: null });
    drivers.push(driver);
    const { version } = await driver.init();
    return { profile, dialect, driver, serverVersion: version };
  };
  return new TableDataService({ openDriver: () => (opened ??= open()), retain: () => () => undefined, log: () => undefined, exactCountCap });
}

describe.each(engineKits())('table browsing and editing ($label)', (kit) => {
  const drivers: Driver[] = [];
  let service: TableDataService;
  const q = (name: string) => kit.quote(name);
  const path = (table = PEOPLE) => kit.tablePath(table);

  const page = (filters: TableFilter[] = [], sort: TableSort[] = [], offset = 0, limit = 100, table = PEOPLE) =>
    service.rows({ connectionId: 'c', path: path(table), filters, sort, offset, limit });
  const rows = (result: TableRowsPage): Cell[][] => result.batches.flatMap((batch) => batchRows(batch));
  const apply = (changes: TableChange[], table = PEOPLE, keyColumns = ['id']) => service.apply({ connectionId: 'c', path: path(table), keyColumns, changes });
  const people = async () => (await kit.admin(`SELECT id, name, score FROM ${q(PEOPLE)} ORDER BY id`)).map((row) => [Number(row.id), row.name, row.score === null ? null : Number(row.score)]);

  beforeAll(async () => {
    await kit.setup();
    await kit.admin(`CREATE TABLE ${q(PEOPLE)} (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, score INTEGER CHECK (score >= 0), note VARCHAR(100))`);
    for (let id = 1; id <= 30; id++) {
      await kit.admin(`INSERT INTO ${q(PEOPLE)} (id, name, score, note) VALUES (${id}, 'person ${String(id).padStart(2, '0')}', ${id * 10}, ${id % 3 === 0 ? 'NULL' : `'n${id}'`})`);
    }
    await kit.admin(`CREATE TABLE ${q(KEYLESS)} (at VARCHAR(30), message VARCHAR(100))`);
    await kit.admin(`INSERT INTO ${q(KEYLESS)} (at, message) VALUES ('now', 'hello')`);
    await kit.admin(
      `CREATE TABLE ${q(HOSTILE_TABLE)} (${q('id"`')} INTEGER PRIMARY KEY, ${q(HOSTILE_COLUMN)} VARCHAR(100), ${q(DOLLAR_COLUMN)} VARCHAR(100), ${q(RESERVED_COLUMN)} INTEGER)`,
    );
    await kit.admin(`CREATE TABLE ${q('pets')} (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES ${q(PEOPLE)} (id), name VARCHAR(50))`);
    await kit.admin(`INSERT INTO ${q('pets')} (id, owner_id, name) VALUES (1, 12, 'Rex')`);
    service = serviceFor(kit, drivers);
  });

  afterAll(async () => {
    for (const driver of drivers) await driver.destroy();
    await kit.teardown();
  });

  it('pages through rows filtered and sorted on the server', async () => {
    const first = await page([{ column: 'score', operator: '>=', value: '100' }, { column: 'name', operator: 'contains', value: '2' }], [{ column: 'score', direction: 'desc' }], 0, 3);
    expect(first.columns.map((column) => [column.name, column.inRowKey])).toEqual([['id', true], ['name', false], ['score', false], ['note', false]]);
    expect(first.keyColumns).toEqual(['id']);
    expect(first.readOnlyReason).toBeNull();
    expect(rows(first).map((row) => row[0])).toEqual(['29', '28', '27']);
    expect(first.hasMore).toBe(true);
    const last = await page([{ column: 'score', operator: '>=', value: '100' }, { column: 'name', operator: 'contains', value: '2' }], [{ column: 'score', direction: 'desc' }], 9, 3);
    // 12 and 20..29 contain a 2: eleven rows, so the fourth page holds two.
    expect(rows(last).map((row) => row[0])).toEqual(['20', '12']);
    expect(last.hasMore).toBe(false);

    const nulls = await page([{ column: 'note', operator: 'is null', value: '' }, { column: 'id', operator: '<', value: '10' }]);
    expect(rows(nulls).map((row) => [row[0], row[3]])).toEqual([['3', null], ['6', null], ['9', null]]);
    const starts = await page([{ column: 'name', operator: 'starts with', value: 'person 1' }, { column: 'name', operator: '<>', value: 'person 10' }]);
    expect(rows(starts)).toHaveLength(9);
    const wildcard = await page([{ column: 'name', operator: 'contains', value: '_' }]);
    expect(rows(wildcard)).toEqual([]);
  });

  it('counts the rows exactly when the table is small', async () => {
    expect(await service.estimate('c', path())).toEqual({ rows: 30, exact: true });
  });

  it("estimates from the engine's statistics beyond the exact-count cap", async () => {
    const estimate = await serviceFor(kit, drivers, {}, 10).estimate('c', path());
    expect(estimate.exact).toBe(false);
    expect(estimate.rows).toBeGreaterThan(10);
  });

  it('counts only the rows the filters match, and says "more than" past the cap rather than quoting the whole table', async () => {
    const filters = [{ column: 'name', operator: 'starts with' as const, value: 'person 1' }, { column: 'name', operator: '<>' as const, value: 'person 10' }];
    expect(await service.estimate('c', path(), filters)).toEqual({ rows: 9, exact: true });
    expect(await service.estimate('c', path(), [{ column: 'id', operator: '=', value: '404' }])).toEqual({ rows: 0, exact: true });
    expect(await serviceFor(kit, drivers, {}, 5).estimate('c', path(), filters)).toEqual({ rows: 6, exact: false, atLeast: true });
    await expect(service.estimate('c', path(), [{ column: 'no such column', operator: '=', value: '1' }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('applies an insert, an update and a delete in one transaction', async () => {
    const before = rows(await page([{ column: 'id', operator: '=', value: '5' }]))[0];
    const result = await apply([
      { kind: 'insert', values: [{ column: 'id', value: '31' }, { column: 'name', value: "O'Brien \"x\" `y` ?$1" }, { column: 'score', value: null }] },
      { kind: 'update', key: [{ column: 'id', value: '5' }], set: [{ column: 'name', value: 'renamed', original: before[1] }, { column: 'note', value: 'set', original: before[3] }] },
      { kind: 'delete', key: [{ column: 'id', value: '7' }] },
    ]);
    expect(result).toMatchObject({ status: 'applied', changes: 3 });
    const after = await people();
    expect(after).toHaveLength(30);
    expect(after.find(([id]) => id === 31)).toEqual([31, "O'Brien \"x\" `y` ?$1", null]);
    expect(after.find(([id]) => id === 5)).toEqual([5, 'renamed', 50]);
    expect(after.find(([id]) => id === 7)).toBeUndefined();
  });

  it('rolls every change back when one fails, and says which and why', async () => {
    const before = await people();
    const result = await apply([
      { kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'name', value: 'kept?', original: 'person 01' }] },
      { kind: 'insert', values: [{ column: 'id', value: '40' }, { column: 'name', value: 'negative' }, { column: 'score', value: '-5' }] },
    ]);
    expect(result).toMatchObject({ status: 'rolled-back', change: 1, reason: 'error' });
    if (result.status !== 'rolled-back') throw new Error('expected a rollback');
    expect(result.sql).toMatch(/^INSERT INTO/);
    expect(result.message.toLowerCase()).toMatch(/check|constraint/);
    expect(await people()).toEqual(before);

    const notNull = await apply([{ kind: 'update', key: [{ column: 'id', value: '2' }], set: [{ column: 'name', value: null, original: 'person 02' }] }]);
    expect(notNull).toMatchObject({ status: 'rolled-back', change: 0, reason: 'error' });
    expect(await people()).toEqual(before);
  });

  it('reports a row changed or deleted by someone else as a conflict and rolls back', async () => {
    const loaded = rows(await page([{ column: 'id', operator: '<=', value: '4' }]));
    await kit.admin(`UPDATE ${q(PEOPLE)} SET name = 'changed elsewhere' WHERE id = 3`);
    await kit.admin(`DELETE FROM ${q(PEOPLE)} WHERE id = 4`);
    const before = await people();
    const changed = await apply([
      { kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'score', value: '11', original: loaded[0][2] }] },
      { kind: 'update', key: [{ column: 'id', value: '3' }], set: [{ column: 'name', value: 'mine', original: loaded[2][1] }] },
    ]);
    expect(changed).toMatchObject({ status: 'rolled-back', change: 1, reason: 'conflict' });
    if (changed.status === 'rolled-back') expect(changed.message).toMatch(/changed or deleted by someone else/);
    const deleted = await apply([{ kind: 'delete', key: [{ column: 'id', value: '4' }] }]);
    expect(deleted).toMatchObject({ status: 'rolled-back', change: 0, reason: 'conflict' });
    expect(await people()).toEqual(before);
  });

  it('shows a table without a key read-only and refuses to change it', async () => {
    const keyless = await page([], [], 0, 10, KEYLESS);
    expect(keyless.keyColumns).toEqual([]);
    expect(keyless.readOnlyReason).toMatch(/no primary key or unique key/);
    expect(rows(keyless)).toEqual([['now', 'hello']]);
    await expect(apply([{ kind: 'insert', values: [{ column: 'at', value: 'later' }] }], KEYLESS, ['at'])).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    expect(Number((await kit.admin(`SELECT COUNT(*) AS n FROM ${q(KEYLESS)}`))[0].n)).toBe(1);
  });

  it('round-trips hostile table and column names', async () => {
    const key = 'id"`';
    const inserted = await apply(
      [{ kind: 'insert', values: [{ column: key, value: '1' }, { column: HOSTILE_COLUMN, value: "it's `odd` ?" }, { column: DOLLAR_COLUMN, value: '$1' }, { column: RESERVED_COLUMN, value: '3' }] }],
      HOSTILE_TABLE,
      [key],
    );
    expect(inserted).toMatchObject({ status: 'applied' });
    const found = await page([{ column: HOSTILE_COLUMN, operator: 'contains', value: '`odd` ?' }, { column: DOLLAR_COLUMN, operator: '=', value: '$1' }], [{ column: RESERVED_COLUMN, direction: 'asc' }], 0, 10, HOSTILE_TABLE);
    expect(found.columns.map((column) => column.name)).toEqual([key, HOSTILE_COLUMN, DOLLAR_COLUMN, RESERVED_COLUMN]);
    expect(rows(found)).toEqual([['1', "it's `odd` ?", '$1', '3']]);
    const updated = await apply([{ kind: 'update', key: [{ column: key, value: '1' }], set: [{ column: RESERVED_COLUMN, value: '4', original: '3' }] }], HOSTILE_TABLE, [key]);
    expect(updated).toMatchObject({ status: 'applied' });
    expect((await kit.admin(`SELECT ${q(RESERVED_COLUMN)} AS o FROM ${q(HOSTILE_TABLE)}`)).map((row) => Number(row.o))).toEqual([4]);
    expect(await apply([{ kind: 'delete', key: [{ column: key, value: '1' }] }], HOSTILE_TABLE, [key])).toMatchObject({ status: 'applied' });
    expect(await kit.admin(`SELECT * FROM ${q(HOSTILE_TABLE)}`)).toEqual([]);
  });

  it('refuses edits on a read-only connection and says why', async () => {
    const readOnly = serviceFor(kit, drivers, { readOnly: true });
    const loaded = await readOnly.rows({ connectionId: 'c', path: path(), filters: [], sort: [], offset: 0, limit: 1 });
    expect(loaded.readOnlyReason).toMatch(/read-only connection/);
    const attempt = readOnly.apply({ connectionId: 'c', path: path(), keyColumns: ['id'], changes: [{ kind: 'delete', key: [{ column: 'id', value: '1' }] }] });
    await expect(attempt).rejects.toBeInstanceOf(CoreError);
    expect((await people()).some(([id]) => id === 1)).toBe(true);
  });

  it('follows a foreign key to the referenced row', async () => {
    const pets = await page([], [], 0, 10, 'pets');
    const owner = pets.columns.find((column) => column.name === 'owner_id');
    expect(owner?.references?.columns).toEqual([{ from: 'owner_id', to: 'id' }]);
    const reference = owner?.references;
    if (!reference) throw new Error('expected a reference');
    const referenced = await service.rows({ connectionId: 'c', path: reference.tablePath, filters: [{ column: 'id', operator: '=', value: rows(pets)[0][1] ?? '' }], sort: [], offset: 0, limit: 10 });
    expect(rows(referenced).map((row) => [row[0], row[1]])).toEqual([['12', 'person 12']]);
  });

  it('rejects a filter on a column the table does not have', async () => {
    await expect(page([{ column: 'nope', operator: '=', value: '1' }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  describe('binary values', () => {
    /** The stored bytes as the server writes them in hex, or null for NULL (SQLite's hex(NULL) is ''). */
    const blobHex = async (id: number) => {
      const [row] = await kit.admin(`SELECT ${hexOf[kit.engine]('data')} AS hex, CASE WHEN data IS NULL THEN 1 ELSE 0 END AS missing FROM ${q(BLOBS)} WHERE id = ${id}`);
      return Number(row?.missing) === 1 ? null : row?.hex;
    };
    /** The loaded cell as the grid shows it (\x-hex), as a change carries it (hex digits). */
    const loadedHex = async (id: number) => {
      const cell = rows(await page([{ column: 'id', operator: '=', value: String(id) }], [], 0, 1, BLOBS))[0]?.[1] ?? null;
      expect(cell).toMatch(/^\\x[0-9a-f]*$/);
      return cell?.slice(2) ?? '';
    };

    beforeAll(async () => {
      const { blob, key } = binaryTypes[kit.engine];
      await kit.admin(`CREATE TABLE ${q(BLOBS)} (id INTEGER PRIMARY KEY, data ${blob}, note VARCHAR(100))`);
      await kit.admin(`INSERT INTO ${q(BLOBS)} (id, data, note) VALUES (1, ${kit.engine === 'postgres' ? "'\\x00ff'::bytea" : "X'00ff'"}, 'one'), (2, NULL, 'two')`);
      await kit.admin(`CREATE TABLE ${q(BINARY_KEYED)} (k ${key} PRIMARY KEY, name VARCHAR(50) NOT NULL)`);
      const keyLiteral = (hex: string) => (kit.engine === 'postgres' ? `'\\x${hex}'::bytea` : `X'${hex}'`);
      await kit.admin(`INSERT INTO ${q(BINARY_KEYED)} (k, name) VALUES (${keyLiteral('00ff00')}, 'zero ff zero'), (${keyLiteral('00ff')}, 'zero ff'), (${keyLiteral('5c78')}, 'backslash x')`);
    });

    it('loads binary columns as \\x-hex and marks them binary', async () => {
      const loaded = await page([], [], 0, 10, BLOBS);
      expect(loaded.columns.map((column) => [column.name, column.binary])).toEqual([['id', false], ['data', true], ['note', false]]);
      expect(rows(loaded)).toEqual([['1', '\\x00ff', 'one'], ['2', null, 'two']]);
      if (kit.engine === 'sqlite') expect(loaded.blobCells).toEqual([[0, 1]]);
      else expect(loaded.blobCells).toBeUndefined();
    });

    it('updates a blob cell to all 256 byte values and then to 1 MiB, byte for byte', async () => {
      const first = await apply([{ kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'data', value: ALL_BYTES_HEX, original: await loadedHex(1), encoding: 'hex' }] }], BLOBS);
      expect(first).toMatchObject({ status: 'applied', changes: 1 });
      expect(await blobHex(1)).toBe(ALL_BYTES_HEX.toUpperCase());
      expect(await loadedHex(1)).toBe(ALL_BYTES_HEX);

      const second = await apply([{ kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'data', value: MEGABYTE_HEX, original: ALL_BYTES_HEX, encoding: 'hex' }] }], BLOBS);
      expect(second).toMatchObject({ status: 'applied', changes: 1 });
      const stored = String(await blobHex(1));
      expect(stored.length).toBe(2 * 1024 * 1024);
      expect(stored === MEGABYTE_HEX.toUpperCase()).toBe(true);
      expect((await loadedHex(1)) === MEGABYTE_HEX).toBe(true);
    });

    it('sets a NULL blob, then NULLs it again, and inserts a row with a blob', async () => {
      const set = await apply([{ kind: 'update', key: [{ column: 'id', value: '2' }], set: [{ column: 'data', value: '', original: null, encoding: 'hex' }] }], BLOBS);
      expect(set).toMatchObject({ status: 'applied' });
      expect(await blobHex(2)).toBe('');
      expect(await loadedHex(2)).toBe('');
      const nulled = await apply([{ kind: 'update', key: [{ column: 'id', value: '2' }], set: [{ column: 'data', value: null, original: '', encoding: 'hex' }] }], BLOBS);
      expect(nulled).toMatchObject({ status: 'applied' });
      expect(await blobHex(2)).toBeNull();

      const inserted = await apply([{ kind: 'insert', values: [{ column: 'id', value: '3' }, { column: 'data', value: 'DEADBEEF005C78', encoding: 'hex' }, { column: 'note', value: '\\x41' }] }], BLOBS);
      expect(inserted).toMatchObject({ status: 'applied' });
      expect(await blobHex(3)).toBe('DEADBEEF005C78');
      // Text that looks like hex stays text.
      expect((await kit.admin(`SELECT note FROM ${q(BLOBS)} WHERE id = 3`))[0]?.note).toBe('\\x41');
    });

    it('reports a blob changed by someone else since it was loaded as a conflict, and changes nothing', async () => {
      await kit.admin(`UPDATE ${q(BLOBS)} SET data = ${kit.engine === 'postgres' ? "'\\x0102'::bytea" : "X'0102'"}, note = 'four' WHERE id = 3`);
      const loaded = await loadedHex(3);
      expect(loaded).toBe('0102');
      await kit.admin(`UPDATE ${q(BLOBS)} SET data = ${kit.engine === 'postgres' ? "'\\x0103'::bytea" : "X'0103'"} WHERE id = 3`);
      const result = await apply([{ kind: 'update', key: [{ column: 'id', value: '3' }], set: [{ column: 'data', value: 'ff', original: loaded, encoding: 'hex' }, { column: 'note', value: 'mine', original: 'four' }] }], BLOBS);
      expect(result).toMatchObject({ status: 'rolled-back', change: 0, reason: 'conflict' });
      expect(await blobHex(3)).toBe('0103');
      expect((await kit.admin(`SELECT note FROM ${q(BLOBS)} WHERE id = 3`))[0]?.note).toBe('four');
    });

    it('finds rows by a binary primary key to update another column and to delete', async () => {
      const loaded = await page([], [], 0, 10, BINARY_KEYED);
      expect(loaded.keyColumns).toEqual(['k']);
      expect(rows(loaded)).toEqual([['\\x00ff', 'zero ff'], ['\\x00ff00', 'zero ff zero'], ['\\x5c78', 'backslash x']]);
      const key = (cell: string) => [{ column: 'k', value: cell.slice(2), encoding: 'hex' as const }];
      const updated = await apply([{ kind: 'update', key: key('\\x00ff'), set: [{ column: 'name', value: 'renamed', original: 'zero ff' }] }], BINARY_KEYED, ['k']);
      expect(updated).toMatchObject({ status: 'applied' });
      const deleted = await apply([{ kind: 'delete', key: key('\\x5c78') }], BINARY_KEYED, ['k']);
      expect(deleted).toMatchObject({ status: 'applied' });
      const after = await kit.admin(`SELECT ${hexOf[kit.engine]('k')} AS k, name FROM ${q(BINARY_KEYED)} ORDER BY k`);
      expect(after.map((row) => [row.k, row.name])).toEqual([['00FF', 'renamed'], ['00FF00', 'zero ff zero']]);
      // The key's text form is not the key: it finds no row.
      const byText = await apply([{ kind: 'delete', key: [{ column: 'k', value: '\\x00ff00' }] }], BINARY_KEYED, ['k']);
      if (kit.engine === 'postgres') expect(byText).toMatchObject({ status: 'applied' });
      else expect(byText).toMatchObject({ status: 'rolled-back', reason: 'conflict' });
    });

    it('takes hex only for columns that can hold bytes', async () => {
      const attempt = apply([{ kind: 'insert', values: [{ column: 'id', value: '4' }, { column: 'note', value: '41', encoding: 'hex' }] }], BLOBS);
      if (kit.engine === 'sqlite') {
        // Any SQLite column keeps a blob: the value is stored as one, and the page says that cell is bytes.
        expect(await attempt).toMatchObject({ status: 'applied' });
        expect((await kit.admin(`SELECT typeof(note) AS kind, hex(note) AS hex FROM ${q(BLOBS)} WHERE id = 4`))[0]).toEqual({ kind: 'blob', hex: '41' });
        const loaded = await page([{ column: 'id', operator: '>=', value: '3' }], [], 0, 10, BLOBS);
        expect(rows(loaded)).toEqual([['3', '\\x0103', 'four'], ['4', null, '\\x41']]);
        expect(loaded.blobCells).toEqual([[0, 1], [1, 2]]);
      } else {
        await expect(attempt).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"note" does not hold bytes') });
        expect(await kit.admin(`SELECT note FROM ${q(BLOBS)} WHERE id = 4`)).toEqual([]);
      }
    });
  });

  describe('filters on binary columns and foreign keys through them', () => {
    const names = async (filters: TableFilter[]) => rows(await page(filters, [{ column: 'k', direction: 'asc' }], 0, 10, HEX_PARENTS)).map((row) => row[1]);

    beforeAll(async () => {
      const { key } = binaryTypes[kit.engine];
      const literal = (hex: string) => (kit.engine === 'postgres' ? `'\\x${hex}'::bytea` : `X'${hex}'`);
      await kit.admin(`CREATE TABLE ${q(HEX_PARENTS)} (k ${key} PRIMARY KEY, name VARCHAR(50) NOT NULL)`);
      await kit.admin(`INSERT INTO ${q(HEX_PARENTS)} (k, name) VALUES (${literal('00ff')}, 'short'), (${literal('00ff00')}, 'long'), (${literal('5c78')}, 'backslash x')`);
      await kit.admin(`CREATE TABLE ${q(HEX_CHILDREN)} (id INTEGER PRIMARY KEY, parent_k ${key} NOT NULL REFERENCES ${q(HEX_PARENTS)} (k))`);
      await kit.admin(`INSERT INTO ${q(HEX_CHILDREN)} (id, parent_k) VALUES (1, ${literal('00ff00')}), (2, ${literal('5c78')})`);
    });

    it('binds hex typed in any accepted form as bytes, so the exact key finds its row', async () => {
      expect(await names([{ column: 'k', operator: '=', value: '0x00FF' }])).toEqual(['short']);
      expect(await names([{ column: 'k', operator: '=', value: '\\x00ff00' }])).toEqual(['long']);
      expect(await names([{ column: 'k', operator: '=', value: '5c 78' }])).toEqual(['backslash x']);
      expect(await names([{ column: 'k', operator: '<>', value: '00ff' }])).toEqual(['long', 'backslash x']);
      // Bytes order byte by byte: 00ff < 00ff00 < 5c78.
      expect(await names([{ column: 'k', operator: '>', value: '00ff' }])).toEqual(['long', 'backslash x']);
    });

    it('matches part of the bytes byte by byte, never across two bytes', async () => {
      expect(await names([{ column: 'k', operator: 'starts with', value: '00ff' }])).toEqual(['short', 'long']);
      expect(await names([{ column: 'k', operator: 'contains', value: 'ff00' }])).toEqual(['long']);
      // The hex text 00ff00 holds "0ff0", but no two bytes in a row are 0f f0.
      expect(await names([{ column: 'k', operator: 'contains', value: '0ff0' }])).toEqual([]);
      expect(await names([{ column: 'k', operator: 'contains', value: '5C' }])).toEqual(['backslash x']);
    });

    it('refuses a filter value on a binary column that is not hex, and says why', async () => {
      await expect(page([{ column: 'k', operator: '=', value: 'zz' }], [], 0, 10, HEX_PARENTS)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringMatching(/filter on "k".*"z" is not a hex digit/),
      });
      await expect(page([{ column: 'k', operator: 'contains', value: 'abc' }], [], 0, 10, HEX_PARENTS)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('3 hex digits, an odd number'),
      });
    });

    it('follows a foreign key on a binary column to exactly the referenced row', async () => {
      const children = await page([], [], 0, 10, HEX_CHILDREN);
      const reference = children.columns.find((column) => column.name === 'parent_k')?.references;
      expect(reference?.columns).toEqual([{ from: 'parent_k', to: 'k' }]);
      if (!reference) throw new Error('expected a reference');
      // What "Go to referenced row" sends: the cell as the grid shows it, filtered with `=`.
      const cell = rows(children)[0][1];
      expect(cell).toBe('\\x00ff00');
      const referenced = await service.rows({ connectionId: 'c', path: reference.tablePath, filters: [{ column: 'k', operator: '=', value: cell ?? '' }], sort: [], offset: 0, limit: 10 });
      expect(rows(referenced)).toEqual([['\\x00ff00', 'long']]);
    });
  });

  describe.runIf(kit.engine === 'mysql')('MySQL BIT values', () => {
    const stored = async () => (await kit.admin(`SELECT k + 0 AS k, b + 0 AS b, CAST(wide + 0 AS CHAR) AS wide, one + 0 AS one FROM ${q(BITS)} ORDER BY k`)).map((row) => [Number(row.k), row.b === null ? null : Number(row.b), row.wide, row.one === null ? null : Number(row.one)]);
    const loaded = async (filters: TableFilter[] = []) => rows(await page(filters, [], 0, 10, BITS));
    const applyBits = (changes: TableChange[]) => apply(changes, BITS, ['k']);

    beforeAll(async () => {
      await kit.admin(`CREATE TABLE ${q(BITS)} (k BIT(16) PRIMARY KEY, b BIT(8), wide BIT(64), one BIT(1))`);
      await kit.admin(`INSERT INTO ${q(BITS)} VALUES (300, b'101', 18446744073709551615, 1), (7, NULL, 0, 0)`);
    });

    it('shows BIT values as unsigned numbers and says each column is BIT of its width', async () => {
      const first = await page([], [], 0, 10, BITS);
      expect(first.columns.map((column) => [column.name, column.bitWidth, column.binary])).toEqual([['k', 16, false], ['b', 8, false], ['wide', 64, false], ['one', 1, false]]);
      expect(rows(first)).toEqual([['7', null, '0', '0'], ['300', '5', '18446744073709551615', '1']]);
    });

    it('updates BIT values as numbers, found by a BIT key and the original values', async () => {
      const result = await applyBits([
        { kind: 'update', key: [{ column: 'k', value: '300' }], set: [{ column: 'b', value: '200', original: '5' }, { column: 'wide', value: '18446744073709551614', original: '18446744073709551615' }] },
        { kind: 'update', key: [{ column: 'k', value: '7' }], set: [{ column: 'b', value: '5', original: null }, { column: 'one', value: '1', original: '0' }] },
      ]);
      expect(result).toMatchObject({ status: 'applied', changes: 2 });
      // 5 is stored as the number 5, not as the text '5' (0x35 = 53).
      expect(await stored()).toEqual([[7, 5, '0', 1], [300, 200, '18446744073709551614', 1]]);
      expect(await loaded()).toEqual([['7', '5', '0', '1'], ['300', '200', '18446744073709551614', '1']]);
    });

    it('inserts and deletes rows keyed by BIT', async () => {
      expect(await applyBits([{ kind: 'insert', values: [{ column: 'k', value: '65535' }, { column: 'b', value: '255' }, { column: 'one', value: '0' }] }])).toMatchObject({ status: 'applied' });
      expect(await applyBits([{ kind: 'delete', key: [{ column: 'k', value: '7' }] }])).toMatchObject({ status: 'applied' });
      expect(await stored()).toEqual([[300, 200, '18446744073709551614', 1], [65535, 255, null, 0]]);
    });

    it('reports a BIT value changed by someone else as a conflict', async () => {
      await kit.admin(`UPDATE ${q(BITS)} SET b = 201 WHERE k = 300`);
      const result = await applyBits([{ kind: 'update', key: [{ column: 'k', value: '300' }], set: [{ column: 'b', value: '1', original: '200' }] }]);
      expect(result).toMatchObject({ status: 'rolled-back', reason: 'conflict' });
      expect((await stored())[0]).toEqual([300, 201, '18446744073709551614', 1]);
    });

    it('refuses a BIT value that is not a whole number or does not fit, and changes nothing', async () => {
      const before = await stored();
      await expect(applyBits([{ kind: 'update', key: [{ column: 'k', value: '300' }], set: [{ column: 'b', value: '256', original: '201' }] }])).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('256 does not fit in 8 bits'),
      });
      await expect(applyBits([{ kind: 'insert', values: [{ column: 'k', value: 'abc' }] }])).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"k"') });
      await expect(applyBits([{ kind: 'delete', key: [{ column: 'k', value: "b'1'" }] }])).rejects.toMatchObject({ code: 'INVALID_INPUT' });
      expect(await stored()).toEqual(before);
    });

    it('filters BIT columns by number, and by the digits of the number', async () => {
      expect((await loaded([{ column: 'b', operator: '=', value: '201' }])).map((row) => row[0])).toEqual(['300']);
      expect((await loaded([{ column: 'k', operator: '=', value: "b'1111111111111111'" }])).map((row) => row[0])).toEqual(['65535']);
      expect((await loaded([{ column: 'b', operator: '>', value: '201' }])).map((row) => row[0])).toEqual(['65535']);
      expect((await loaded([{ column: 'wide', operator: 'starts with', value: '1844' }])).map((row) => row[0])).toEqual(['300']);
      await expect(page([{ column: 'b', operator: '=', value: '5x' }], [], 0, 10, BITS)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('not a whole number') });
    });
  });
});
