import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFormat } from '../../../shared/export/serializer';
import type { Cell } from '../../../shared/model/query';
import { splitStatements } from '../../../shared/sql/split';
import { createClient, type StrataClient } from '../../../renderer/bridge/client';
import { exportTableToBlob } from '../../../renderer/features/export/table-export';
import type { ExportProgress } from '../../../renderer/features/export/export-writer';
import { startTestCore, streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';

const TABLE = 'export "src" `t`';
const COPY = 'export copy';
const ROWS = 600;
/** Rows whose note is set to a hostile text (the others stay NULL). */
const HOSTILE_ROWS = 20;
/** Every byte value, and text that breaks naive CSV, JSON or SQL writers. */
const ALL_BYTES_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0')).join('');
const HOSTILE = [`say "hi", it's`, 'a\tb\nc\r\nd', 'back\\slash \\\' end', '', 'ünïcødé 🐘', '$1 ? `x` ; --', 'pipe | here'];

interface Schema {
  create: (kit: EngineKit, name: string) => string;
  /** Inserts the fixture rows; row ids start at 1. */
  fill: (kit: EngineKit) => Promise<void>;
}

const BIG_NUMERIC = '-1234567890123456789012345678901234.56789';

function hostile(i: number): string | null {
  return i % 9 === 8 ? null : HOSTILE[i % HOSTILE.length] + (i > HOSTILE.length ? ` #${i}` : '');
}

const schemas: Record<EngineKit['engine'], Schema> = {
  postgres: {
    create: (kit, name) =>
      `CREATE TABLE ${kit.quote(name)} (id int8 PRIMARY KEY, big int8, amount numeric(45,5), ${kit.quote('note "q"')} text, data bytea, flag boolean, day date, at timestamptz, ratio float8, doc jsonb)`,
    fill: async (kit) => {
      await kit.admin(
        `INSERT INTO ${kit.quote(TABLE)} SELECT g, CASE g % 3 WHEN 0 THEN -9223372036854775808 WHEN 1 THEN 9223372036854775807 END,
           CASE WHEN g % 2 = 0 THEN $1::numeric ELSE g / 7.0 END, NULL, CASE WHEN g % 4 = 0 THEN decode($2, 'hex') WHEN g % 4 = 1 THEN ''::bytea END,
           CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false END, DATE '2024-02-29' + g, TIMESTAMPTZ '2024-03-10 01:59:59.123456+00' + g * interval '1 hour',
           CASE WHEN g % 5 = 0 THEN 0.1 + g ELSE 1e300 END, CASE WHEN g % 2 = 0 THEN '{"k": [1, 2.50, "x\\"y"]}'::jsonb END
         FROM generate_series(1, ${ROWS}) g`,
        [BIG_NUMERIC, ALL_BYTES_HEX],
      );
    },
  },
  mysql: {
    create: (kit, name) =>
      `CREATE TABLE ${kit.quote(name)} (id BIGINT PRIMARY KEY, big BIGINT, amount DECIMAL(45,5), ${kit.quote('note "q"')} TEXT, data LONGBLOB, flag TINYINT(1), day DATE, at DATETIME(6), ratio DOUBLE, doc JSON)`,
    fill: async (kit) => {
      await kit.admin(
        `INSERT INTO ${kit.quote(TABLE)} SELECT seq, CASE seq % 3 WHEN 0 THEN -9223372036854775808 WHEN 1 THEN 9223372036854775807 END,
           CASE WHEN seq % 2 = 0 THEN ? ELSE seq / 7 END, NULL, CASE WHEN seq % 4 = 0 THEN UNHEX(?) WHEN seq % 4 = 1 THEN '' END,
           CASE seq % 3 WHEN 0 THEN 1 WHEN 1 THEN 0 END, DATE '2024-02-29' + INTERVAL seq DAY, TIMESTAMP '2024-03-10 01:59:59.123456' + INTERVAL seq HOUR,
           CASE WHEN seq % 5 = 0 THEN 0.1 + seq ELSE 1e300 END, CASE WHEN seq % 2 = 0 THEN '{"k": [1, 2.50, "x\\\\"y"]}' END
         FROM seq_1_to_${ROWS}`,
        [BIG_NUMERIC, ALL_BYTES_HEX],
      );
    },
  },
  sqlite: {
    create: (kit, name) =>
      `CREATE TABLE ${kit.quote(name)} (id INTEGER PRIMARY KEY, big INTEGER, amount TEXT, ${kit.quote('note "q"')} TEXT, data BLOB, flag BOOLEAN, day DATE, at TEXT, ratio REAL, doc JSON)`,
    fill: async (kit) => {
      await kit.admin(
        `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${ROWS})
         INSERT INTO ${kit.quote(TABLE)} SELECT n, CASE n % 3 WHEN 0 THEN -9223372036854775808 WHEN 1 THEN 9223372036854775807 END,
           CASE WHEN n % 2 = 0 THEN ? ELSE n / 7.0 END, NULL, CASE WHEN n % 4 = 0 THEN unhex(?) WHEN n % 4 = 1 THEN x'' END,
           CASE n % 3 WHEN 0 THEN 1 WHEN 1 THEN 0 END, date('2024-02-29', '+' || n || ' days'), '2024-03-10 01:59:59.123456',
           CASE WHEN n % 5 = 0 THEN 0.1 + n ELSE 1e300 END, CASE WHEN n % 2 = 0 THEN '{"k": [1, 2.50, "x\\"y"]}' END
         FROM g`,
        [BIG_NUMERIC, ALL_BYTES_HEX],
      );
    },
  },
};

/** A renderer-side client over the core, as the app's bridge is over IPC or the WebSocket. */
function bridgeOf(core: TestCore): StrataClient {
  const listeners = new Set<(payload: unknown) => void>();
  const coreClient = core.core.connectClient((channel, payload) => {
    if (channel === 'query/event') for (const listener of listeners) listener(payload);
  });
  return createClient({
    invoke: (channel, input) => coreClient.invoke(channel, input),
    subscribe: (channel, listener) => {
      if (channel !== 'query/event') return () => undefined;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
}

describe.each(engineKits())('export ($label)', (kit) => {
  let core: TestCore;
  let client: TestClient;
  let bridge: StrataClient;
  let connectionId = '';
  let runs = 0;

  const selectRows = async (table: string): Promise<Cell[][]> => {
    const runId = `check-${++runs}`;
    await client.call('query/run', { connectionId, runId, sql: `SELECT * FROM ${kit.quote(table)} ORDER BY id` });
    const events = await client.waitForRunEnd(runId);
    const error = events.find((event) => event.type === 'statement-error');
    if (error) throw new Error(JSON.stringify(error));
    return streamedRows(events, 0);
  };

  const exportTable = (format: ExportFormat, progress?: ExportProgress[]) =>
    exportTableToBlob({ client: bridge, connectionId, dialect: kit.engine, table: [TABLE], format, estimatedRows: ROWS, onProgress: (p) => progress?.push(p) }).then((blob) => blob.text());

  beforeAll(async () => {
    await kit.setup();
    await kit.admin(schemas[kit.engine].create(kit, TABLE));
    await schemas[kit.engine].fill(kit);
    const param = (n: number) => (kit.engine === 'postgres' ? `$${n}` : '?');
    for (let i = 0; i < HOSTILE_ROWS; i++) {
      await kit.admin(`UPDATE ${kit.quote(TABLE)} SET ${kit.quote('note "q"')} = ${param(1)} WHERE id = ${param(2)}`, [hostile(i), i + 1]);
    }
    core = await startTestCore();
    client = core.connect();
    bridge = bridgeOf(core);
    const saved = await client.call('connection/save', { id: null, draft: kit.draft(), password: { action: 'keep' } });
    connectionId = saved.id;
    await client.call('connection/open', { id: connectionId });
  });

  afterAll(async () => {
    await core?.cleanup();
    await kit.teardown();
  });

  it('writes SQL INSERTs that recreate every row exactly in a copy of the table', async () => {
    const progress: ExportProgress[] = [];
    const sql = await exportTable('sql', progress);
    expect(progress.at(-1)).toEqual({ rowsDone: ROWS, total: ROWS });
    await kit.admin(schemas[kit.engine].create(kit, COPY));
    const statements = splitStatements(sql.replaceAll(`INSERT INTO ${kit.quote(TABLE)} `, `INSERT INTO ${kit.quote(COPY)} `), kit.engine);
    expect(statements).toHaveLength(ROWS);
    for (const statement of statements) await kit.admin(statement.sql);
    const original = await selectRows(TABLE);
    expect(original).toHaveLength(ROWS);
    expect(original.some((row) => row.includes(`\\x${ALL_BYTES_HEX}`))).toBe(true);
    expect(original.some((row) => row.includes('-9223372036854775808'))).toBe(true);
    expect(await selectRows(COPY)).toEqual(original);
  });

  it('writes CSV that a CSV parser reads back as the rows', async () => {
    const csv = await exportTable('csv');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: false }).data;
    expect(parsed.pop()).toEqual(['']);
    expect(parsed[0]).toEqual(['id', 'big', 'amount', 'note "q"', 'data', 'flag', 'day', 'at', 'ratio', 'doc']);
    const rows = await selectRows(TABLE);
    // The export reads the table in storage order; the check reads it ordered by id.
    const byId = parsed.slice(1).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(byId).toEqual(rows.map((row) => row.map((cell) => cell ?? '')));
    expect(byId.filter((row) => row[2] === BIG_NUMERIC)).toHaveLength(ROWS / 2);
    expect(byId.slice(0, HOSTILE.length).map((row) => row[3])).toEqual(HOSTILE);
  });

  it('writes NDJSON with one object per row and the exact text of each value', async () => {
    const lines = (await exportTable('ndjson')).trimEnd().split('\n');
    const rows = await selectRows(TABLE);
    expect(lines).toHaveLength(ROWS);
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>).sort((a, b) => Number(a.id) - Number(b.id));
    expect(objects.map((object) => object['note "q"'])).toEqual(rows.map((row) => row[3]));
    // A numeric column's digits are a bare JSON number; SQLite's copy of the value lives in a TEXT column.
    const amount = kit.engine === 'sqlite' ? `"amount":"${BIG_NUMERIC}"` : `"amount":${BIG_NUMERIC},`;
    expect(lines.filter((line) => line.includes(amount))).toHaveLength(ROWS / 2);
  });

  it('stops and reports the failure when the table does not exist', async () => {
    await expect(
      exportTableToBlob({ client: bridge, connectionId, dialect: kit.engine, table: ['no such table'], format: 'csv' }),
    ).rejects.toThrow(/no such table|does not exist|doesn't exist/i);
  });
});
