import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import type { SqlConnection } from '../../../electron/core/drivers/types';
import { bytesToHex } from '../../../shared/result-batch/read';
import { admin, binaryCell, collector, driverConfig, expectCoreError, run, testDatabaseName } from './support';

const database = testDatabaseName();
const ROWS = 100_000;
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
const EMOJI = 'naïve 🦊 emoji 👩‍💻 text';

let driver: MysqlDriver;
let session: SqlConnection;

beforeAll(async () => {
  await admin(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4`);
  await admin(
    `CREATE TABLE mixed (
      id INT NOT NULL PRIMARY KEY,
      big BIGINT UNSIGNED, dec65 DECIMAL(65,30), dbl DOUBLE, at DATETIME(6), day DATE, tod TIME,
      doc JSON, raw VARBINARY(300), blb BLOB, flags BIT(8), label VARCHAR(100), small TINYINT, uint INT UNSIGNED
    ) CHARACTER SET utf8mb4`,
    [],
    database,
  );
  await admin(
    `INSERT INTO mixed VALUES
      (1, 18446744073709551615, '12345678901234567890123456789012345.123456789012345678901234567891', 1.5e300,
       '2024-02-29 23:59:59.123456', '1000-01-01', '-838:59:59', '{"a": [1, 2.50, "x"], "b": null}', ?, ?, b'10100101', ?, -128, 4294967295),
      (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
    [ALL_BYTES, Buffer.from('blob\u0000bytes'), EMOJI],
    database,
  );
  await admin(`INSERT INTO mixed (id, big, label) SELECT seq, seq * 1000, CONCAT('row ', seq) FROM seq_3_to_${ROWS}`, [], database);
  driver = new MysqlDriver(driverConfig({ database }));
  await driver.init();
  session = await driver.acquireConnection();
});

afterAll(async () => {
  await session?.release();
  await driver?.destroy();
  await admin(`DROP DATABASE IF EXISTS \`${database}\``);
});

describe('MySQL streaming', () => {
  it('streams 100k rows of mixed types in several batches with exact values', async () => {
    const result = await run(session, 'SELECT * FROM mixed ORDER BY id');
    expect(result.summary).toEqual({ rowCount: ROWS, affectedRows: null, command: 'SELECT' });
    expect(result.batches[0]).toBe(1000);
    expect(result.batches.length).toBeGreaterThan(2);
    expect(result.batches.reduce((sum, count) => sum + count, 0)).toBe(ROWS);
    expect(result.rows).toHaveLength(ROWS);

    expect(result.columns?.map((column) => [column.name, column.dataType, column.category])).toEqual([
      ['id', 'int', 'number'],
      ['big', 'bigint unsigned', 'number'],
      ['dec65', 'decimal', 'number'],
      ['dbl', 'double', 'number'],
      ['at', 'datetime', 'datetime'],
      ['day', 'date', 'datetime'],
      ['tod', 'time', 'datetime'],
      ['doc', 'json', 'json'],
      ['raw', 'varbinary', 'binary'],
      ['blb', 'blob', 'binary'],
      ['flags', 'bit', 'number'],
      ['label', 'varchar', 'text'],
      ['small', 'tinyint', 'number'],
      ['uint', 'int unsigned', 'number'],
    ]);
    expect(result.received[0].columns.map((column) => column.kind)).toEqual([
      'int32', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'bytes', 'bytes', 'text', 'text', 'int32', 'text',
    ]);

    expect(result.rows[0]).toEqual([
      '1',
      '18446744073709551615',
      '12345678901234567890123456789012345.123456789012345678901234567891',
      '1.5e300',
      '2024-02-29 23:59:59.123456',
      '1000-01-01',
      '-838:59:59',
      '{"a": [1, 2.50, "x"], "b": null}',
      bytesToHex(ALL_BYTES),
      '\\x626c6f62006279746573',
      // BIT shows the unsigned number its bits spell: b'10100101'.
      '165',
      EMOJI,
      '-128',
      '4294967295',
    ]);
    expect(binaryCell(result.received[0], 0, 8)).toEqual(new Uint8Array(ALL_BYTES));
    expect(result.rows[1]).toEqual(['2', ...Array(13).fill(null)]);
    expect(result.rows[ROWS - 1]).toEqual([String(ROWS), String(ROWS * 1000), null, null, null, null, null, null, null, null, null, `row ${ROWS}`, null, null]);
  });

  it('keeps the server text of computed values and reports an empty result with its columns', async () => {
    const computed = await run(session, "SELECT 1/3 AS third, CAST(0.1 AS DOUBLE) + 0.2 AS sum, -9223372036854775808 AS min64, 'a''b' AS quoted, X'00ff' AS hex");
    expect(computed.rows).toEqual([['0.3333', '0.30000000000000004', '-9223372036854775808', "a'b", '\\x00ff']]);
    const empty = await run(session, 'SELECT id, label FROM mixed WHERE id < 0');
    expect(empty.summary).toEqual({ rowCount: 0, affectedRows: null, command: 'SELECT' });
    expect(empty.columns?.map((column) => column.name)).toEqual(['id', 'label']);
    expect(empty.batches).toEqual([]);
  });

  it('reports affected rows and the command of statements without rows', async () => {
    expect((await run(session, 'CREATE TEMPORARY TABLE scratch (n INT)')).summary).toEqual({ rowCount: 0, affectedRows: 0, command: 'CREATE' });
    expect((await run(session, 'INSERT INTO scratch VALUES (1), (2), (3)')).summary).toEqual({ rowCount: 0, affectedRows: 3, command: 'INSERT' });
    expect((await run(session, '/* why */ UPDATE scratch SET n = n + 1 WHERE n > 1')).summary).toEqual({ rowCount: 0, affectedRows: 2, command: 'UPDATE' });
    expect((await run(session, '-- gone\nDELETE FROM scratch')).summary).toEqual({ rowCount: 0, affectedRows: 3, command: 'DELETE' });
    expect((await run(session, 'WITH x AS (SELECT 1 AS n) SELECT n FROM x')).summary.command).toBe('SELECT');
  });

  it('turns server warnings into notices', async () => {
    await run(session, 'CREATE TEMPORARY TABLE narrow (s VARCHAR(3))');
    const result = await run(session, "INSERT IGNORE INTO narrow VALUES ('abcdef')");
    expect(result.summary.affectedRows).toBe(1);
    expect(result.notices).toEqual(["Warning 1265: Data truncated for column 's' at row 1"]);
  });

  it('delivers the first result set of a CALL and says that there were more', async () => {
    await admin('CREATE PROCEDURE two_sets() BEGIN SELECT 1 AS a; SELECT 2 AS b; END', [], database);
    const result = await run(session, 'CALL two_sets()');
    expect(result.rows).toEqual([['1']]);
    expect(result.columns?.map((column) => column.name)).toEqual(['a']);
    expect(result.notices).toEqual(['The statement returned 2 result sets; only the first is shown.']);
    expect((await run(session, 'SELECT 3')).rows).toEqual([['3']]);
  });

  it('passes a failing sink error back unchanged and leaves the session usable', async () => {
    const failure = new Error('the sink is full');
    const result = collector();
    const running = session.execute(
      'SELECT id FROM mixed',
      {
        ...result.sink,
        batch: () => {
          throw failure;
        },
      },
      new AbortController().signal,
    );
    await expect(running).rejects.toBe(failure);
    expect((await run(session, 'SELECT 4')).rows).toEqual([['4']]);
  });

  it('fails a statement that errors mid-stream with QUERY, after delivering the rows before it', async () => {
    const result = collector();
    const failingAtRow50k = 'SELECT id, (SELECT 1 FROM DUAL WHERE id = 50000 UNION ALL SELECT 2 FROM DUAL WHERE id = 50000) AS twice FROM mixed ORDER BY id';
    const error = await expectCoreError(session.execute(failingAtRow50k, result.sink, new AbortController().signal), 'QUERY');
    expect(error.message).toBe('Subquery returns more than 1 row');
    expect(error.detail?.sqlState).toBe('21000');
    expect(result.rows.length).toBeGreaterThanOrEqual(1000);
    expect(result.rows.length).toBeLessThan(50_000);
    expect((await run(session, 'SELECT 5')).rows).toEqual([['5']]);
  });
});
