import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection, SqlDriver } from '../../../electron/core/drivers/types';
import type { ResultBatch, VectorKind } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';
import { makeTempDir, run, sqliteDriver } from './sqlite-kit';

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
const MEGABYTE_BLOB = Buffer.from(Array.from({ length: 1024 * 1024 }, (_, index) => (index * 7919) & 0xff));
const MEGABYTE_TEXT = 'Zoë 東京 🚀 '.repeat(1024 * 1024 / 16);

/** Columns of the `samples` table with the kind each must travel as when read together. */
const SAMPLE_KINDS: Record<string, VectorKind> = {
  small: 'int32',
  big: 'int64',
  ratio: 'float64',
  label: 'text',
  payload: 'bytes',
  mixed: 'text',
  absent: 'text',
};

/** Row 4 holds the megabyte values, so the others fit in one batch; row 6 is NULL in every column. */
const SAMPLE_ROWS: unknown[][] = [
  [0n, 0n, 1.5, 'Zoë Müller 東京 Ελληνικά', Buffer.alloc(0), 42n, null],
  [2147483647n, 9223372036854775807n, -0.1, '👩‍👩‍👧‍👦 🇩🇪 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', ALL_BYTES, 'forty-two', null],
  [-2147483648n, -9223372036854775808n, 1e300, '', Buffer.from('\\x41'), 2.5, null],
  [-1n, 2147483648n, -1e-300, MEGABYTE_TEXT, MEGABYTE_BLOB, Buffer.from([0, 0xff]), null],
  [1n, -2147483649n, Infinity, '<script>alert(1)</script> \\x41 \u0001\t\n', Buffer.from([0]), -9223372036854775808n, null],
  [null, null, null, null, null, null, null],
];

/** Reads a batch's values as better-sqlite3 (safe integers) returns them: integers as bigints, reals as numbers, blobs as bytes. */
function batchValues(batch: ResultBatch): (row: number, column: number) => unknown {
  const reader = new BatchReader(batch);
  const aligned = batch.bytes.slice().buffer;
  return (row, column) => {
    if (reader.isNull(row, column)) return null;
    const vector = batch.columns[column];
    switch (vector.kind) {
      case 'int32':
        return BigInt(new Int32Array(aligned, vector.values.offset, batch.rowCount)[row]);
      case 'int64':
        return new BigInt64Array(aligned, vector.values.offset, batch.rowCount)[row];
      case 'float64':
        return new Float64Array(aligned, vector.values.offset, batch.rowCount)[row];
      case 'bytes':
        return Buffer.from(reader.binary(row, column) ?? []);
      default:
        return reader.cell(row, column);
    }
  };
}

/** The grid's text for a value better-sqlite3 returns. */
function displayText(value: unknown): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return String(value);
}

describe('SQLite storage classes in result batches', () => {
  let cleanup: () => Promise<void>;
  let filePath: string;
  let direct: Database.Database;
  let driver: SqlDriver;
  let connection: SqlConnection;

  /** What better-sqlite3 itself returns for the query, raw and with safe integers. */
  const directRows = (sql: string) => direct.prepare(sql).raw(true).safeIntegers(true).all() as unknown[][];

  /** Runs the query through the driver and checks every cell, value and shown text, against better-sqlite3's own values. */
  async function expectSameAsDirect(sql: string) {
    const { sink } = await run(connection, sql);
    const expected = directRows(sql);
    expect(sink.rowsReceived).toHaveLength(expected.length);
    const mismatches: string[] = [];
    let first = 0;
    for (const batch of sink.batches) {
      const batchValue = batchValues(batch);
      for (let row = 0; row < batch.rowCount; row++) {
        const want = expected[first + row];
        for (let column = 0; column < want.length; column++) {
          const value = batchValue(row, column);
          const wanted = want[column];
          const kind = batch.columns[column].kind;
          const same =
            kind === 'text'
              ? value === displayText(wanted)
              : value instanceof Uint8Array
                ? wanted instanceof Uint8Array && Buffer.from(value).equals(wanted)
                : typeof wanted === 'bigint' && kind === 'float64'
                  ? Number.isInteger(value) && BigInt(value as number) === wanted
                  : Object.is(value, wanted);
          if (!same || sink.rowsReceived[first + row][column] !== displayText(wanted)) {
            mismatches.push(`row ${first + row}, column ${column} (${kind}): ${displayText(wanted)?.slice(0, 80)}`);
          }
        }
      }
      first += batch.rowCount;
    }
    expect(mismatches).toEqual([]);
    return sink;
  }

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    filePath = join(temp.dir, 'types.sqlite');
    const setup = new Database(filePath);
    setup.exec('CREATE TABLE samples (id INTEGER PRIMARY KEY, small INTEGER, big INTEGER, ratio REAL, label TEXT, payload BLOB, mixed, absent TEXT)');
    const insert = setup.prepare('INSERT INTO samples (small, big, ratio, label, payload, mixed, absent) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const row of SAMPLE_ROWS) insert.run(...row);
    setup.close();
    direct = new Database(filePath, { readonly: true });
    driver = sqliteDriver(filePath);
    await driver.init();
    connection = await driver.acquireConnection();
  });

  afterAll(async () => {
    await connection.release();
    await driver.destroy();
    direct.close();
    await cleanup();
  });

  it('delivers every storage class exactly as better-sqlite3 reads it, NULLs included', async () => {
    const sink = await expectSameAsDirect('SELECT small, big, ratio, label, payload, mixed, absent FROM samples ORDER BY id');
    const last = sink.rowsReceived[SAMPLE_ROWS.length - 1];
    expect(last).toEqual([null, null, null, null, null, null, null]);
    expect(sink.rowsReceived[1][1]).toBe('9223372036854775807');
    expect(sink.rowsReceived[2][1]).toBe('-9223372036854775808');
    expect(sink.rowsReceived[3][3]).toBe(MEGABYTE_TEXT);
    expect(sink.rowsReceived[2][3]).toBe('');
    expect(sink.rowsReceived[0][4]).toBe('\\x');
    expect(sink.batches.length).toBeGreaterThan(1);
  });

  it('chooses the narrowest kind that holds every value of a column in the batch', async () => {
    const { sink } = await run(connection, 'SELECT small, big, ratio, label, payload, mixed, absent FROM samples WHERE id <> 4 ORDER BY id');
    expect(sink.batches).toHaveLength(1);
    const names = Object.keys(SAMPLE_KINDS);
    expect(Object.fromEntries(sink.batches[0].columns.map((vector, index) => [names[index], vector.kind]))).toEqual(SAMPLE_KINDS);

    const edges = await expectSameAsDirect('SELECT 2147483647 AS top, 2147483648 AS above, -2147483648 AS bottom, -2147483649 AS below');
    expect(edges.batches[0].columns.map((vector) => vector.kind)).toEqual(['int32', 'int64', 'int32', 'int64']);
    expect(edges.rowsReceived).toEqual([['2147483647', '2147483648', '-2147483648', '-2147483649']]);

    const reals = await expectSameAsDirect('SELECT -0.0 AS negative_zero, 5e-324 AS smallest, 1.7976931348623157e308 AS largest');
    expect(reals.batches[0].columns.map((vector) => vector.kind)).toEqual(['float64', 'float64', 'float64']);
    expect(Object.is(batchValues(reals.batches[0])(0, 0), -0)).toBe(true);
  });

  it('shows a column that mixes storage classes as text, each value as the grid shows it', async () => {
    const { sink } = await run(connection, 'SELECT mixed FROM samples ORDER BY id');
    expect(sink.rowsReceived.map((row) => row[0])).toEqual(['42', 'forty-two', '2.5', '\\x00ff', '-9223372036854775808', null]);
  });

  it('keeps a NUMERIC column of whole and fractional values as doubles, shown as each value alone would be', async () => {
    const numeric = await expectSameAsDirect("SELECT value FROM (SELECT 1 AS k, CAST('7' AS NUMERIC) AS value UNION ALL SELECT 2, CAST('2.5' AS NUMERIC) UNION ALL SELECT 3, NULL) ORDER BY k");
    expect(numeric.batches[0].columns.map((vector) => vector.kind)).toEqual(['float64']);
    expect(numeric.rowsReceived).toEqual([['7'], ['2.5'], [null]]);
    // A whole value beyond 2^53 would lose digits as a double: such a mix stays text.
    const wide = await expectSameAsDirect('SELECT value FROM (SELECT 1 AS k, 9007199254740993 AS value UNION ALL SELECT 2, 0.5) ORDER BY k');
    expect(wide.batches[0].columns.map((vector) => vector.kind)).toEqual(['text']);
    expect(wide.rowsReceived).toEqual([['9007199254740993'], ['0.5']]);
  });

  it('picks each batch its own kinds when a column changes storage class across a batch boundary', async () => {
    const sql = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
      SELECT i,
             CASE WHEN i <= 1000 THEN i ELSE i * 4294967296 END AS grows,
             CASE WHEN i <= 1000 THEN 'n' || i ELSE CAST('b' || i AS BLOB) END AS shifts,
             CASE WHEN i <= 1000 THEN i * 0.5 WHEN i % 2 = 0 THEN i ELSE 'odd' END AS blends
      FROM n`;
    const sink = await expectSameAsDirect(sql);
    expect(sink.batches.length).toBeGreaterThan(1);
    const batchKinds = (batch: ResultBatch) => batch.columns.map((vector) => vector.kind);
    expect(batchKinds(sink.batches[0])).toEqual(['int32', 'int32', 'text', 'float64']);
    expect(batchKinds(sink.batches.at(-1) as ResultBatch)).toEqual(['int32', 'int64', 'bytes', 'text']);
  });
});
