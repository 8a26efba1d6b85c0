import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, QueryEvent } from '../../../shared/model/query';
import { statementAt, type SplitDialect } from '../../../shared/sql/split';
import { streamedRows, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';
import { openKitSession } from './kit-session';

/** One statement of a script: its exact text, the rows it must return, and what follows it. */
interface Step {
  sql: string;
  rows?: Cell[][];
  /** Its delimiter and whatever comes before the next statement; ';\n' unless given. */
  after?: string;
}

/** A script of each dialect's hard cases, and the checks, made outside the app, that its routines work. */
interface SplitScript {
  steps: Step[];
  verify(kit: EngineKit): Promise<void>;
}

const SCRIPTS: Record<EngineKit['engine'], SplitScript> = {
  postgres: {
    steps: [
      { sql: 'CREATE TABLE split_t (id int PRIMARY KEY, note text, "semi;colon" text)' },
      { sql: "INSERT INTO split_t VALUES (1, E'it\\'s; here', 'a;b')" },
      {
        sql: "SELECT E'it\\'s; here' AS e, 'back\\slash' AS plain, e'\\\\' AS one_backslash, 'x'';y' AS doubled",
        rows: [["it's; here", 'back\\slash', '\\', "x';y"]],
      },
      { sql: "/* outer /* inner; */ still; comment */ SELECT 'nested' AS n -- trailing; comment", rows: [['nested']], after: '\n;\n' },
      {
        sql: `CREATE FUNCTION split_dollar() RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
  -- a comment; with a semicolon
  RETURN $inner$a;b$inner$ || $$;$$ || 'c';
END
$fn$`,
      },
      { sql: "SELECT $q$ $fn$ ; 'x' $q$ AS dollar", rows: [[" $fn$ ; 'x' "]] },
      {
        sql: `CREATE FUNCTION split_atomic(a int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN a > 0 THEN 'positive;' ELSE 'not; positive' END;
END`,
      },
      {
        sql: `CREATE PROCEDURE split_add(n int) LANGUAGE sql
BEGIN ATOMIC
  INSERT INTO split_t (id, note) VALUES (n, 'added;');
  UPDATE split_t SET "semi;colon" = 'x;y' WHERE id = n;
END`,
      },
      { sql: 'CALL split_add(2)' },
      { sql: 'SELECT "semi;colon", note FROM split_t WHERE id <= 2 ORDER BY id', rows: [['a;b', "it's; here"], ['x;y', 'added;']] },
      { sql: 'SELECT split_dollar() AS d, split_atomic(2) AS a, split_atomic(-2) AS b', rows: [['a;b;c', 'positive;', 'not; positive']], after: ';' },
    ],
    async verify(kit) {
      expect(await kit.admin('SELECT split_dollar() AS d, split_atomic(7) AS a')).toEqual([{ d: 'a;b;c', a: 'positive;' }]);
      await kit.admin('CALL split_add(9)');
      expect(await kit.admin('SELECT note, "semi;colon" AS s FROM split_t WHERE id = 9')).toEqual([{ note: 'added;', s: 'x;y' }]);
    },
  },
  mysql: {
    steps: [
      { sql: 'CREATE TABLE split_t (id INT PRIMARY KEY, note TEXT, `semi;colon` TEXT)' },
      { sql: `INSERT INTO split_t VALUES (1, 'it\\'s; here', "say \\"a;b\\"")` },
      { sql: `SELECT 'it\\'s; here' AS a, "x\\";y" AS b, 'q''; r' AS c # trailing; comment it's`, rows: [["it's; here", 'x";y', "q'; r"]], after: '\n;\n' },
      { sql: 'SELECT 5--2 AS minus_minus', rows: [['7']] },
      { sql: '/* block; comment */ SELECT `semi;colon` FROM split_t WHERE id = 1 -- dash; comment', rows: [['say "a;b"']], after: '\n;\nDELIMITER $$\n' },
      {
        sql: `CREATE PROCEDURE split_proc(IN n INT, OUT total INT)
BEGIN
  # hash comment; with $$ inside
  INSERT INTO split_t (id, note) VALUES (n, 'from proc; $$');
  SELECT COUNT(*) INTO total FROM split_t;
END`,
        after: '$$\n',
      },
      {
        sql: `CREATE FUNCTION split_fn(a INT) RETURNS TEXT DETERMINISTIC
BEGIN
  DECLARE r TEXT;
  SET r = CONCAT(a, ';', 'x');
  RETURN r;
END`,
        after: '$$\n',
      },
      {
        sql: `CREATE TRIGGER split_trg BEFORE INSERT ON split_t FOR EACH ROW
BEGIN
  IF NEW.note IS NULL THEN SET NEW.note = 'trigger; default'; END IF;
END`,
        after: '$$\nDELIMITER ;\n',
      },
      { sql: 'CALL split_proc(2, @total)' },
      { sql: 'INSERT INTO split_t (id) VALUES (3)' },
      { sql: 'SELECT id, note, split_fn(id) AS fn FROM split_t WHERE id IN (2, 3) ORDER BY id', rows: [['2', 'from proc; $$', '2;x'], ['3', 'trigger; default', '3;x']], after: ';' },
    ],
    async verify(kit) {
      expect(await kit.admin('SELECT split_fn(7) AS fn')).toEqual([{ fn: '7;x' }]);
      await kit.admin('CALL split_proc(4, @total)');
      await kit.admin('INSERT INTO split_t (id) VALUES (5)');
      expect(await kit.admin('SELECT id, note FROM split_t WHERE id >= 4 ORDER BY id')).toEqual([
        { id: 4, note: 'from proc; $$' },
        { id: 5, note: 'trigger; default' },
      ]);
    },
  },
  sqlite: {
    steps: [
      { sql: 'CREATE TABLE split_t (id INTEGER PRIMARY KEY, note TEXT, "semi;colon" TEXT, [end] INTEGER)' },
      { sql: 'CREATE TABLE split_log (msg TEXT)' },
      {
        sql: `CREATE TRIGGER split_trg AFTER INSERT ON split_t
BEGIN
  INSERT INTO split_log VALUES ('inserted; ' || new.id);
  UPDATE split_t SET end = CASE WHEN new.id > 1 THEN 1 ELSE 0 END WHERE id = new.id;
END`,
      },
      { sql: `INSERT INTO split_t (id, note, "semi;colon") VALUES (1, 'it''s; here', 'a;b'), (2, '-- not a comment', '/* nor; this */')` },
      { sql: 'SELECT "semi;colon", [semi;colon], `semi;colon` FROM split_t WHERE id = 1', rows: [['a;b', 'a;b', 'a;b']] },
      { sql: '/* block; */ SELECT msg FROM split_log WHERE rowid <= 2 ORDER BY msg -- done;', rows: [['inserted; 1'], ['inserted; 2']], after: '\n;\n' },
      { sql: 'BEGIN' },
      { sql: "INSERT INTO split_log VALUES ('in a transaction; yes')" },
      { sql: 'COMMIT' },
      { sql: 'SELECT id, note, [end] FROM split_t WHERE id <= 2 ORDER BY id', rows: [['1', "it's; here", '0'], ['2', '-- not a comment', '1']], after: ';' },
    ],
    async verify(kit) {
      expect(await kit.admin("SELECT name FROM sqlite_master WHERE type = 'trigger'")).toEqual([{ name: 'split_trg' }]);
      await kit.admin('INSERT INTO split_t (id) VALUES (3)');
      expect(await kit.admin("SELECT count(*) AS n FROM split_log WHERE msg IN ('inserted; 3', 'in a transaction; yes')")).toEqual([{ n: 2 }]);
    },
  },
};

/** The script as the user typed it, and where each statement of it starts. */
function scriptOf(steps: Step[]): { script: string; offsets: number[] } {
  let script = '';
  const offsets: number[] = [];
  for (const step of steps) {
    offsets.push(script.length);
    script += step.sql + (step.after ?? ';\n');
  }
  return { script, offsets };
}

describe.each(engineKits())('statement splitting on the server ($label)', (kit) => {
  const dialect: SplitDialect = kit.engine;
  const { steps, verify } = SCRIPTS[kit.engine];
  const { script, offsets } = scriptOf(steps);
  let core: TestCore;
  let client: TestClient;
  let connectionId = '';
  let runs = 0;

  const run = async (sql: string, baseOffset?: number): Promise<{ statements: number; events: QueryEvent[] }> => {
    const runId = `split-${++runs}`;
    const reply = await client.call('query/run', { connectionId, runId, sql, ...(baseOffset === undefined ? {} : { baseOffset }) });
    const events = await client.waitForRunEnd(runId);
    const failure = events.find((event) => event.type === 'statement-error');
    expect(failure, JSON.stringify(failure)).toBeUndefined();
    return { statements: reply.statements, events };
  };

  beforeAll(async () => {
    await kit.setup();
    ({ core, client, connectionId } = await openKitSession(kit));
  });

  afterAll(async () => {
    await core?.cleanup();
    await kit.teardown();
  });

  it('runs the script as exactly its statements, each starting where it was written and returning its literal', async () => {
    const { statements, events } = await run(script);
    expect(statements).toBe(steps.length);
    const starts = events.filter((event) => event.type === 'statement-start');
    expect(starts.map((event) => event.sql)).toEqual(steps.map((step) => step.sql));
    expect(starts.map((event) => event.offset)).toEqual(offsets);
    expect(events.filter((event) => event.type === 'statement-end')).toHaveLength(steps.length);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', status: 'ok', statements: steps.length, schemaChanged: true });
    steps.forEach((step, index) => {
      if (step.rows) expect(streamedRows(events, index), step.sql).toEqual(step.rows);
    });
  });

  it('created procedures, functions and triggers whose multi-statement bodies work on the server', async () => {
    await verify(kit);
  });

  it('maps a cursor anywhere in a statement back to exactly that statement, which then runs alone', async () => {
    for (const [index, step] of steps.entries()) {
      for (const cursor of [offsets[index], offsets[index] + Math.floor(step.sql.length / 2), offsets[index] + step.sql.length]) {
        expect(statementAt(script, dialect, cursor), `cursor at ${cursor}`).toEqual({ sql: step.sql, offset: offsets[index], end: offsets[index] + step.sql.length });
      }
    }
    for (const [index, step] of steps.entries()) {
      if (!step.rows) continue;
      const statement = statementAt(script, dialect, offsets[index] + Math.floor(step.sql.length / 2));
      if (!statement) throw new Error(`No statement under the cursor in ${step.sql}`);
      const { statements, events } = await run(statement.sql, statement.offset);
      expect(statements).toBe(1);
      expect(events.find((event) => event.type === 'statement-start')).toMatchObject({ sql: step.sql, offset: offsets[index] });
      expect(streamedRows(events, 0)).toEqual(step.rows);
    }
  });
});
