import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlConnection, SqlDriver } from '../../../electron/core/drivers/types';
import { CollectingSink, makeTempDir, run, sqliteDriver } from './sqlite-kit';

describe('streaming results from SQLite', () => {
  let cleanup: () => Promise<void>;
  let driver: SqlDriver;
  let connection: SqlConnection;

  beforeAll(async () => {
    const temp = await makeTempDir();
    cleanup = temp.cleanup;
    driver = sqliteDriver(join(temp.dir, 'stream.sqlite'));
    await driver.init();
    connection = await driver.acquireConnection();
  });

  afterAll(async () => {
    await connection.release();
    await driver.destroy();
    await cleanup();
  });

  it('delivers 200k rows in order, in several batches, with exact values', async () => {
    const { summary, sink } = await run(
      connection,
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
       SELECT i, 'row ' || i AS label, i * 0.5 AS half FROM n`,
    );
    expect(summary).toEqual({ rowCount: 200_000, affectedRows: null, command: 'SELECT' });
    expect(sink.rowsReceived).toHaveLength(200_000);
    expect(sink.batchSizes.length).toBeGreaterThan(5);
    expect(sink.batchSizes.reduce((sum, size) => sum + size, 0)).toBe(200_000);
    sink.rowsReceived.forEach((row, index) => {
      const i = index + 1;
      if (row[0] !== String(i) || row[1] !== `row ${i}` || row[2] !== String(i * 0.5)) {
        throw new Error(`Row ${index} is ${JSON.stringify(row)}`);
      }
    });
    expect(sink.columnMeta).toEqual([
      { name: 'i', dataType: 'INTEGER', category: 'number' },
      { name: 'label', dataType: 'TEXT', category: 'text' },
      { name: 'half', dataType: 'REAL', category: 'number' },
    ]);
  });

  it('sends wide rows in batches of about 1 MiB', async () => {
    const { sink } = await run(connection, 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i, randomblob(50000) AS noise FROM n');
    expect(sink.batchSizes.reduce((sum, size) => sum + size, 0)).toBe(100);
    expect(sink.batchSizes.length).toBeGreaterThan(3);
    for (const batch of sink.batches) {
      expect(batch.columns.map((vector) => vector.kind)).toEqual(['int32', 'bytes']);
      expect(batch.bytes.byteLength).toBeLessThan(1.2 * 1024 * 1024);
    }
    expect(sink.rowsReceived.map((row) => row[0])).toEqual(Array.from({ length: 100 }, (_, index) => String(index + 1)));
    expect(sink.rowsReceived.every((row) => row[1]?.length === 2 + 100_000)).toBe(true);
  });

  it('waits for a slow sink: batches arrive one at a time and none is lost', async () => {
    const sink = new CollectingSink(5);
    const summary = await connection.execute(
      'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000) SELECT i FROM n',
      sink,
      new AbortController().signal,
    );
    expect(summary.rowCount).toBe(30_000);
    expect(sink.overlapped).toBe(false);
    expect(sink.rowsReceived.map((row) => row[0])).toEqual(Array.from({ length: 30_000 }, (_, index) => String(index + 1)));
  });

  it('keeps every value exact: big integers, reals, hostile text, blobs and nulls', async () => {
    await run(connection, 'CREATE TABLE samples (id INTEGER PRIMARY KEY, big INTEGER, ratio REAL, label TEXT, payload BLOB, missing TEXT, created DATETIME, flag BOOLEAN, doc JSON)');
    const insert = await run(
      connection,
      `INSERT INTO samples (big, ratio, label, payload, missing, created, flag, doc) VALUES
        (9007199254740993, 3.141592653589793, 'Zoë Müller 東京 <img src=x onerror=alert(1)>', x'00ff10ab', NULL, '2024-01-31 12:00:00', 1, '{"a":1}'),
        (-9223372036854775808, 1e300, '', x'', NULL, NULL, 0, NULL)`,
    );
    expect(insert.summary).toEqual({ rowCount: 0, affectedRows: 2, command: 'INSERT' });

    const { sink } = await run(connection, 'SELECT big, ratio, label, payload, missing, created, flag, doc, big + 0 AS computed FROM samples ORDER BY id');
    expect(sink.rowsReceived).toEqual([
      ['9007199254740993', '3.141592653589793', 'Zoë Müller 東京 <img src=x onerror=alert(1)>', '\\x00ff10ab', null, '2024-01-31 12:00:00', '1', '{"a":1}', '9007199254740993'],
      ['-9223372036854775808', '1e+300', '', '\\x', null, null, '0', null, '-9223372036854775808'],
    ]);
    expect(sink.columnMeta?.map((column) => [column.name, column.dataType, column.category])).toEqual([
      ['big', 'INTEGER', 'number'],
      ['ratio', 'REAL', 'number'],
      ['label', 'TEXT', 'text'],
      ['payload', 'BLOB', 'binary'],
      ['missing', 'TEXT', 'text'],
      ['created', 'DATETIME', 'datetime'],
      ['flag', 'BOOLEAN', 'boolean'],
      ['doc', 'JSON', 'json'],
      ['computed', 'INTEGER', 'number'],
    ]);
  });

  it('describes the columns of a query that returns no rows', async () => {
    const { summary, sink } = await run(connection, 'SELECT id, label, 1 + 1 AS two FROM samples WHERE 0');
    expect(summary.rowCount).toBe(0);
    expect(sink.rowsReceived).toEqual([]);
    expect(sink.columnMeta?.map((column) => [column.name, column.dataType])).toEqual([
      ['id', 'INTEGER'],
      ['label', 'TEXT'],
      ['two', ''],
    ]);
  });

  it('reports changes of statements without rows, and rows of RETURNING as affected', async () => {
    expect((await run(connection, '-- tidy up\nUPDATE samples SET label = upper(label)')).summary).toEqual({ rowCount: 0, affectedRows: 2, command: 'UPDATE' });
    const returning = await run(connection, 'DELETE FROM samples WHERE big < 0 RETURNING id');
    expect(returning.summary).toEqual({ rowCount: 1, affectedRows: 1, command: 'DELETE' });
    expect(returning.sink.rowsReceived).toEqual([['2']]);
  });
});
