import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { SqlConnection } from '../../../electron/core/drivers/types';
import type { Cell } from '../../../shared/model/query';
import { BatchReader } from '../../../shared/result-batch/read';
import type { VectorKind } from '../../../shared/result-batch/format';
import { PG_HOST, PG_PORT, admin, driverConfig, run } from './support';

const TABLE = 'strata_test_pg_types';
const MOOD = 'strata_test_pg_types_mood';
const PAIR = 'strata_test_pg_types_pair';
/** A zone with a half-hour offset and daylight saving, far from UTC. */
const SESSION_ZONE = 'America/St_Johns';

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

const UNICODE = 'Zoë Müller 東京 Ελληνικά ﷽';
const EMOJI = '👩‍👩‍👧‍👦 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇩🇪';
const HOSTILE = `<script>alert("x")</script> <img src=x onerror=alert(1)> '; DROP TABLE ${TABLE}; -- \\x41 \\\\ "quoted"`;
const CONTROL = 'tab\there\r\nnew line \u0001\u001f \u202eRTL\u202c zero\u200bwidth \u2028';

interface TypedColumn {
  name: string;
  type: string;
  kind: VectorKind;
  /** SQL literals for rows 1 to 4; row 5 is NULL in every column. */
  values: [string, string, string, string];
  /**
   * How the server's output text is asked for where `::text` differs from it: bpchar drops its
   * padding, inet adds /32, xml keeps its declaration.
   */
  serverText?: string;
}

const COLUMNS: TypedColumn[] = [
  { name: 'c_int2', type: 'int2', kind: 'int32', values: ['0', '-32768', '32767', '-1'] },
  { name: 'c_int4', type: 'int4', kind: 'int32', values: ['0', '-2147483648', '2147483647', '1'] },
  { name: 'c_int8', type: 'int8', kind: 'text', values: ['0', '-9223372036854775808', '9223372036854775807', '9007199254740993'] },
  {
    name: 'c_numeric',
    type: 'numeric',
    kind: 'text',
    values: ['123456789012345678901234567890123456789012.123456789', '-0.000000000000000000000000000000000000000000001', "'NaN'", '1.10'],
  },
  { name: 'c_float4', type: 'float4', kind: 'text', values: ['1.5', "'NaN'", "'Infinity'", "'-0'"] },
  { name: 'c_float8', type: 'float8', kind: 'text', values: ['3.141592653589793', "'-0'", "'-Infinity'", "'NaN'"] },
  { name: 'c_bool', type: 'bool', kind: 'bool', values: ['true', 'false', 'true', 'false'] },
  { name: 'c_text', type: 'text', kind: 'text', values: [quote(UNICODE), quote(EMOJI), quote(HOSTILE), quote(CONTROL)] },
  { name: 'c_varchar', type: 'varchar(80)', kind: 'text', values: [quote('plain'), "''", quote(EMOJI), quote(' padded ')] },
  { name: 'c_bpchar', type: 'char(6)', kind: 'text', values: ["'ab'", "''", quote('é'), "'abcdef'"], serverText: 'textin(bpcharout(c_bpchar))' },
  {
    name: 'c_bytea',
    type: 'bytea',
    kind: 'bytes',
    values: [
      "(SELECT decode(string_agg(lpad(to_hex(b), 2, '0'), '' ORDER BY b), 'hex') FROM generate_series(0, 255) AS b)",
      "''::bytea",
      "decode(repeat(md5('strata'), 65536), 'hex')",
      "'\\x5c5c00ff7841'::bytea",
    ],
  },
  { name: 'c_json', type: 'json', kind: 'text', values: [`'{"b": [1, 2.50],  "a": "<script>"}'`, "'[]'", quote(`{"e": "${EMOJI}"}`), "'null'"] },
  { name: 'c_jsonb', type: 'jsonb', kind: 'text', values: [`'{"b": [1, 2.50],  "a": "<script>"}'`, "'{}'", "'1e400'", "'\"\\\\u0041\"'"] },
  {
    name: 'c_uuid',
    type: 'uuid',
    kind: 'text',
    values: ["'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "'00000000-0000-0000-0000-000000000000'", "'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF'", "'{a0eebc999c0b4ef8bb6d6bb9bd380a11}'"],
  },
  { name: 'c_date', type: 'date', kind: 'text', values: ["'2024-02-29'", "'4713-01-01 BC'", "'infinity'", "'5874897-12-31'"] },
  { name: 'c_time', type: 'time', kind: 'text', values: ["'13:14:15.123456'", "'00:00'", "'24:00'", "'23:59:59.999999'"] },
  { name: 'c_timetz', type: 'timetz', kind: 'text', values: ["'13:14:15+05:30'", "'00:00-15:59'", "'24:00+00'", "'12:00:00.5-03:30'"] },
  { name: 'c_timestamp', type: 'timestamp', kind: 'text', values: ["'2024-03-05 10:11:12.345678'", "'-infinity'", "'294276-12-31 23:59:59'", "'1999-12-31 23:59:59 BC'"] },
  {
    name: 'c_timestamptz',
    type: 'timestamptz',
    kind: 'text',
    values: ["'2024-03-05 10:11:12.345678+00'", "'2024-07-01 00:00:00+00'", "'infinity'", "'0044-03-15 12:00:00+01 BC'"],
  },
  { name: 'c_interval', type: 'interval', kind: 'text', values: ["'1 year 2 mons -3 days 04:05:06.789'", "'0'", "'-178000000 years'", "'P1DT2H'"] },
  {
    name: 'c_inet',
    type: 'inet',
    kind: 'text',
    values: ["'192.168.0.1/24'", "'::1'", "'2001:db8::ff00:42:8329/64'", "'10.0.0.1'"],
    serverText: 'textin(inet_out(c_inet))',
  },
  { name: 'c_cidr', type: 'cidr', kind: 'text', values: ["'10.0.0.0/8'", "'::/0'", "'2001:db8::/32'", "'192.168.100.128/25'"] },
  { name: 'c_macaddr', type: 'macaddr', kind: 'text', values: ["'08:00:2b:01:02:03'", "'00-00-00-00-00-00'", "'FFFF.FFFF.FFFF'", "'0800.2b01.0203'"] },
  { name: 'c_money', type: 'money', kind: 'text', values: ['1234.56', "'-92233720368547758.08'", "'92233720368547758.07'", '0'] },
  {
    name: 'c_xml',
    type: 'xml',
    kind: 'text',
    values: [`'<a href="x">&lt;b&gt; é</a>'`, "''", "'<?xml version=\"1.0\"?><r/>'", "'text only &amp; more'"],
    serverText: 'textin(xml_out(c_xml))',
  },
  { name: 'c_bit', type: 'bit(8)', kind: 'text', values: ["B'10101010'", "B'00000000'", "B'11111111'", "B'00000001'"] },
  { name: 'c_varbit', type: 'varbit', kind: 'text', values: ["B'1'", "B''", "B'1010101010101010101010101010101010101'", "B'0'"] },
  { name: 'c_int4_array', type: 'int4[]', kind: 'text', values: ["'{1,NULL,-2147483648}'", "'{}'", "'{{1,2},{3,4}}'", "'[0:1]={7,8}'"] },
  {
    name: 'c_text_array',
    type: 'text[]',
    kind: 'text',
    values: [`ARRAY['a b', '"quoted"', NULL, 'é', '']`, "'{}'", `ARRAY['NULL', 'back\\slash', ${quote(EMOJI)}]`, `ARRAY['{}', ',']`],
  },
  { name: 'c_tsvector', type: 'tsvector', kind: 'text', values: ["'a fat cat sat'", "''", "to_tsvector('english', 'The quick brown foxes')", "$$'it''s':1A$$"] },
  { name: 'c_point', type: 'point', kind: 'text', values: ["'(1.5,-2)'", "'(0,0)'", "'(1e300,-1e-300)'", "'(NaN,Infinity)'"] },
  { name: 'c_enum', type: MOOD, kind: 'text', values: ["'calm'", "'stormy'", "'déjà vu'", "'calm'"] },
  { name: 'c_composite', type: PAIR, kind: 'text', values: [`ROW(1, 'a "b"')`, 'ROW(NULL, NULL)', `ROW(-2147483648, ${quote(EMOJI)})`, "ROW(0, '')"] },
];

const ROWS = 5;
const SELECT_ALL = `SELECT ${COLUMNS.map((column) => column.name).join(', ')} FROM ${TABLE} ORDER BY id`;

/** Runs one query on a plain pg client of its own, in the session zone, with every value as the server's text. */
async function serverRows(sql: string): Promise<Cell[][]> {
  const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres', options: `-c TimeZone=${SESSION_ZONE}` });
  await client.connect();
  try {
    const result = await client.query<Cell[]>({ text: sql, rowMode: 'array', types: { getTypeParser: () => (value: string) => value } });
    return result.rows;
  } finally {
    await client.end();
  }
}

let driver: PostgresDriver;
let session: SqlConnection;

beforeAll(async () => {
  driver = new PostgresDriver(driverConfig());
  await driver.init();
  await admin(`DROP TABLE IF EXISTS ${TABLE}`);
  await admin(`DROP TYPE IF EXISTS ${MOOD}`);
  await admin(`DROP TYPE IF EXISTS ${PAIR}`);
  await admin(`CREATE TYPE ${MOOD} AS ENUM ('calm', 'stormy', 'déjà vu')`);
  await admin(`CREATE TYPE ${PAIR} AS (n int4, label text)`);
  await admin(`CREATE TABLE ${TABLE} (id int4 PRIMARY KEY, ${COLUMNS.map((column) => `${column.name} ${column.type}`).join(', ')})`);
  for (let row = 0; row < ROWS - 1; row++) {
    await admin(`INSERT INTO ${TABLE} VALUES (${row + 1}, ${COLUMNS.map((column) => column.values[row]).join(', ')})`);
  }
  await admin(`INSERT INTO ${TABLE} (id) VALUES (${ROWS})`);
});
afterAll(async () => {
  await driver.destroy();
  await admin(`DROP TABLE IF EXISTS ${TABLE}`);
  await admin(`DROP TYPE IF EXISTS ${MOOD}`);
  await admin(`DROP TYPE IF EXISTS ${PAIR}`);
});
beforeEach(async () => {
  session = await driver.acquireConnection();
  await run(session, `SET TIME ZONE '${SESSION_ZONE}'`);
});
afterEach(async () => {
  await session.release();
});

describe('PostgreSQL column types in result batches', () => {
  it("shows every cell as the server's own text, with NULL kept apart from empty values", async () => {
    const expected = await serverRows(`SELECT ${COLUMNS.map((column) => column.serverText ?? `${column.name}::text`).join(', ')} FROM ${TABLE} ORDER BY id`);
    expect(expected).toHaveLength(ROWS);
    expect(expected[ROWS - 1].every((cell) => cell === null)).toBe(true);

    const result = await run(session, SELECT_ALL);
    expect(result.rows).toHaveLength(ROWS);
    for (const [index, column] of COLUMNS.entries()) {
      expect(
        result.rows.map((row) => row[index]),
        column.name,
      ).toEqual(expected.map((row) => row[index]));
    }
  });

  // The date and timestamp columns here hold BC and infinity values, which only text can carry exactly.
  it('encodes int2 and int4 as int32, bool as bool, bytea as bytes and every other type as text', async () => {
    const result = await run(session, SELECT_ALL);
    expect(result.received).toHaveLength(1);
    const kinds = result.received[0].columns.map((vector) => vector.kind);
    expect(Object.fromEntries(COLUMNS.map((column, index) => [column.name, kinds[index]]))).toEqual(
      Object.fromEntries(COLUMNS.map((column) => [column.name, column.kind])),
    );
  });

  it('keeps the text users see exactly as written, and the session zone in timestamps', async () => {
    const result = await run(session, SELECT_ALL);
    const column = (name: string) => result.rows.map((row) => row[COLUMNS.findIndex((candidate) => candidate.name === name)]);
    expect(column('c_text')).toEqual([UNICODE, EMOJI, HOSTILE, CONTROL, null]);
    expect(column('c_varchar')).toEqual(['plain', '', EMOJI, ' padded ', null]);
    expect(column('c_bpchar')).toEqual(['ab    ', '      ', 'é     ', 'abcdef', null]);
    expect(column('c_int2')).toEqual(['0', '-32768', '32767', '-1', null]);
    expect(column('c_int4')).toEqual(['0', '-2147483648', '2147483647', '1', null]);
    expect(column('c_int8')).toEqual(['0', '-9223372036854775808', '9223372036854775807', '9007199254740993', null]);
    expect(column('c_bool')).toEqual(['true', 'false', 'true', 'false', null]);
    expect(column('c_float8')).toEqual(['3.141592653589793', '-0', '-Infinity', 'NaN', null]);
    expect(column('c_timestamptz').slice(0, 2)).toEqual(['2024-03-05 06:41:12.345678-03:30', '2024-06-30 21:30:00-02:30']);
  });

  it('sends ISO dates and date-times as typed parts that show exactly as the server wrote them, in odd zones too', async () => {
    const sql = `SELECT d, d::timestamp AS ts, t AS tstz, t AT TIME ZONE 'UTC' AS utc_ts
      FROM (VALUES (1, DATE '2024-02-29', TIMESTAMPTZ '2024-02-29 23:59:59.999999+00'),
                   (2, DATE '0001-01-01', TIMESTAMPTZ '1883-11-18 17:00:00+00'),
                   (3, DATE '9999-12-31', TIMESTAMPTZ '2024-07-01 00:00:00.5+00'),
                   (4, NULL, NULL)) AS v(n, d, t) ORDER BY n`;
    for (const zone of ['Asia/Kathmandu', 'America/New_York', 'America/St_Johns', 'UTC']) {
      await run(session, `SET TIME ZONE '${zone}'`);
      const result = await run(session, sql);
      expect(result.received[0].columns.map((vector) => vector.kind), zone).toEqual(['timestamp', 'timestamp', 'timestamp', 'timestamp']);
      const client = new pg.Client({ host: PG_HOST, port: PG_PORT, user: 'postgres', database: 'postgres', options: `-c TimeZone=${zone}` });
      await client.connect();
      try {
        const expected = (await client.query<Cell[]>({ text: sql, rowMode: 'array', types: { getTypeParser: () => (value: string) => value } })).rows;
        expect(result.rows, zone).toEqual(expected);
      } finally {
        await client.end();
      }
    }
    // 1883 New York had a local mean time offset with seconds (-04:56:02): still exact.
    await run(session, `SET TIME ZONE 'America/New_York'`);
    expect((await run(session, "SELECT TIMESTAMPTZ '1883-11-18 12:00:00-04:56:02'")).rows).toEqual([['1883-11-18 12:00:00-04:56:02']]);
    // Another DateStyle is not ISO: that batch travels as the server's text, unchanged.
    await run(session, 'SET DateStyle = SQL, DMY');
    const sqlStyle = await run(session, "SELECT DATE '2024-02-29', TIMESTAMPTZ '2024-02-29 10:00:00+00'");
    expect(sqlStyle.received[0].columns.map((vector) => vector.kind)).toEqual(['text', 'text']);
    expect(sqlStyle.rows[0][0]).toBe('29/02/2024');
  });

  it('delivers the exact bytes of bytea values: empty, all 256 byte values and 1 MB', async () => {
    const result = await run(session, `SELECT c_bytea FROM ${TABLE} ORDER BY id`);
    const reader = new BatchReader(result.received[0]);
    expect(Array.from(reader.binary(0, 0) ?? [])).toEqual(Array.from({ length: 256 }, (_, byte) => byte));
    expect(reader.binary(1, 0)).toEqual(new Uint8Array(0));
    expect(reader.cell(1, 0)).toBe('\\x');
    const megabyte = reader.binary(2, 0);
    expect(megabyte?.byteLength).toBe(1024 * 1024);
    const md5 = createHash('md5').update('strata').digest();
    expect(Buffer.from(megabyte ?? []).equals(Buffer.concat(Array.from({ length: 65536 }, () => md5)))).toBe(true);
    expect(reader.cell(3, 0)).toBe('\\x5c5c00ff7841');
    expect(reader.isNull(4, 0)).toBe(true);
  });

  it('decodes bytea sent in the escape format the same as in hex', async () => {
    await run(session, 'SET bytea_output = escape');
    const escaped = await run(session, `SELECT c_bytea::text FROM ${TABLE} WHERE id = 4`);
    expect(escaped.rows).toEqual([['\\\\\\\\\\000\\377xA']]);

    const expected = await serverRows(`SELECT '\\x' || encode(c_bytea, 'hex') FROM ${TABLE} ORDER BY id`);
    const result = await run(session, `SELECT c_bytea FROM ${TABLE} ORDER BY id`);
    expect(result.received[0].columns[0].kind).toBe('bytes');
    expect(result.rows).toEqual(expected);
    expect(new BatchReader(result.received[0]).binary(2, 0)?.byteLength).toBe(1024 * 1024);
  });
});
