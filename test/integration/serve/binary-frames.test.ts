import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_RESULT_MEMORY_BYTES, type ColumnMeta, type QueryEvent, type ResultPage } from '../../../shared/model/query';
import { BatchReader, batchRows } from '../../../shared/result-batch/read';
import { startPostgresHost, valueOf, type PostgresHost } from './postgres-host';
import type { WireClient } from './wire-client';

const NUMERIC_40_DIGITS = '1234567890123456789012345678901234.567890';
const MIXED_SQL = `SELECT * FROM (VALUES
    (1::int2, 2147483647::int4, 9223372036854775807::int8, ${NUMERIC_40_DIGITS}::numeric, 0.1::float8, true,
     'ünïcödé 😀 "quoted"'::text, '\\x00ff10dead'::bytea, '2024-02-29 12:34:56.789'::timestamp, '{"a": [1, 2]}'::jsonb),
    ((-32768)::int2, NULL, (-9223372036854775808)::int8, -0.000000000000000000000000000000000000001::numeric, -1.5e300::float8, false,
     '', '\\x'::bytea, NULL, 'null'::jsonb),
    (NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, '1999-12-31 23:59:59'::timestamp, NULL)
  ) AS strata_test_serve_binary(small, int, big, exact, float, flag, label, raw, at, doc)`;

let host: PostgresHost;
let client: WireClient;
let connectionId: string;

beforeAll(async () => {
  host = await startPostgresHost('strata_test_serve_binary');
  ({ client, connectionId } = host);
}, 120_000);

afterAll(async () => {
  await host?.stop();
});

async function runToEnd(runId: string, sql: string, extra: Record<string, unknown> = {}): Promise<QueryEvent[]> {
  valueOf(await client.request('query/run', { connectionId, runId, sql, ...extra }));
  await expect.poll(() => client.runEnded(runId), { timeout: 30_000 }).toBe(true);
  return client.runEvents(runId).map((entry) => entry.payload);
}

describe('result batches over binary WebSocket frames', () => {
  it('delivers a PostgreSQL result of mixed types in binary frames that decode to the exact values', async () => {
    const runId = 'strata_test_serve_binary_mixed';
    const events = await runToEnd(runId, MIXED_SQL);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    const columns = events.find((event): event is Extract<QueryEvent, { type: 'columns' }> => event.type === 'columns')?.columns ?? [];
    expect(columns.map((column: ColumnMeta) => [column.name, column.dataType])).toEqual([
      ['small', 'int2'],
      ['int', 'int4'],
      ['big', 'int8'],
      ['exact', 'numeric'],
      ['float', 'float8'],
      ['flag', 'bool'],
      ['label', 'text'],
      ['raw', 'bytea'],
      ['at', 'timestamp'],
      ['doc', 'jsonb'],
    ]);
    const batchEntries = client.runEvents(runId).filter((entry) => entry.payload.type === 'batch');
    expect(batchEntries.length).toBeGreaterThan(0);
    expect(batchEntries.every((entry) => entry.binary)).toBe(true);

    expect(client.statementRows(runId)).toEqual([
      ['1', '2147483647', '9223372036854775807', NUMERIC_40_DIGITS, '0.1', 'true', 'ünïcödé 😀 "quoted"', '\\x00ff10dead', '2024-02-29 12:34:56.789', '{"a": [1, 2]}'],
      ['-32768', null, '-9223372036854775808', '-0.000000000000000000000000000000000000001', '-1.5e+300', 'false', '', '\\x', null, 'null'],
      [null, '0', null, null, null, null, null, null, '1999-12-31 23:59:59', null],
    ]);
    // bytea travels as its raw bytes, not as hex text.
    const first = batchEntries[0].payload;
    const reader = first.type === 'batch' ? new BatchReader(first.batch) : null;
    expect(reader?.binary(0, 7)).toEqual(new Uint8Array([0x00, 0xff, 0x10, 0xde, 0xad]));
    expect(reader?.binary(1, 7)).toEqual(new Uint8Array(0));
    expect(reader?.binary(2, 7)).toBeNull();
  });

  it('keeps every event of a two-statement run in order across text and binary frames', async () => {
    const runId = 'strata_test_serve_binary_order';
    const events = await runToEnd(runId, "SELECT n FROM generate_series(1, 100000) AS n; SELECT 'last' AS word");
    const types = events.map((event) => event.type);
    expect(types.join(' ')).toMatch(/^statement-start columns (batch ){2,}statement-end statement-start columns (batch )+statement-end run-end$/);
    const firstEnd = types.indexOf('statement-end');
    const indexes = events.flatMap((event) => (event.type === 'run-end' ? [] : [event.index]));
    expect(indexes).toEqual(indexes.map((_index, position) => (position <= firstEnd ? 0 : 1)));
    const firstRows = events.flatMap((event) => (event.type === 'batch' && event.index === 0 ? [[event.firstRow, event.batch.rowCount]] : []));
    let next = 0;
    for (const [firstRow, rowCount] of firstRows) {
      expect(firstRow).toBe(next);
      next += rowCount;
    }
    expect(next).toBe(100_000);
    expect(events.find((event) => event.type === 'statement-end' && event.index === 0)).toMatchObject({ rowCount: 100_000 });
    expect(client.statementRows(runId, 1)).toEqual([['last']]);
    const entries = client.runEvents(runId);
    expect(entries.filter((entry) => entry.binary).map((entry) => entry.payload.type)).toEqual(types.filter((type) => type === 'batch'));
  });

  it('answers query/page for a spooled result in a binary frame that decodes to the stored rows', async () => {
    const runId = 'strata_test_serve_binary_page';
    const rowCount = 200_000;
    const events = await runToEnd(runId, `SELECT n, md5(n::text) AS digest FROM generate_series(1, ${rowCount}) AS n`, {
      memoryBudgetBytes: MIN_RESULT_MEMORY_BYTES,
    });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok' });
    const spooled = events.filter((event): event is Extract<QueryEvent, { type: 'spooled' }> => event.type === 'spooled');
    expect(spooled.length).toBeGreaterThan(0);
    const spooledFrom = spooled[0].spooledFrom;
    expect(spooledFrom).toBeLessThan(rowCount);

    const requestId = 900_001;
    const fromRow = spooledFrom + 10;
    const result = await client.requestRaw(requestId, JSON.stringify({ id: requestId, channel: 'query/page', input: { runId, index: 0, fromRow, rowCount: 5 } }));
    expect(client.replies.find((reply) => reply.id === requestId)?.binary).toBe(true);
    const page = valueOf<ResultPage>(result);
    const rows = page.batches.flatMap(({ firstRow, batch }) => batchRows(batch).map((row, offset) => ({ at: firstRow + offset, row })));
    const wanted = rows.filter(({ at }) => at >= fromRow && at < fromRow + 5);
    expect(wanted.map(({ at, row }) => [at, row[0]])).toEqual([0, 1, 2, 3, 4].map((offset) => [fromRow + offset, String(fromRow + offset + 1)]));
    expect(wanted.every(({ row }) => /^[0-9a-f]{32}$/.test(row[1] ?? ''))).toBe(true);
    valueOf(await client.request('query/discard', { runId }));
  });
});
