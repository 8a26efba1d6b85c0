import { describe, expect, it } from 'vitest';
import { splitStatements, statementAt, type SplitDialect } from '../../shared/sql/split';

function texts(sql: string, dialect: SplitDialect): string[] {
  return splitStatements(sql, dialect).map((statement) => statement.sql);
}

function expectOffsetsMapBack(sql: string, dialect: SplitDialect): void {
  for (const statement of splitStatements(sql, dialect)) {
    expect(sql.slice(statement.offset, statement.end)).toBe(statement.sql);
  }
}

describe('splitStatements', () => {
  it('splits on semicolons and trims whitespace around statements', () => {
    expect(texts('  SELECT 1;\n\nSELECT 2 ;  SELECT 3', 'postgres')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('keeps semicolons inside strings and quoted identifiers together', () => {
    const sql = `SELECT 'a;b', "col;umn" FROM t; SELECT 'it''s; fine';`;
    expect(texts(sql, 'postgres')).toEqual([`SELECT 'a;b', "col;umn" FROM t`, `SELECT 'it''s; fine'`]);
    expect(texts("SELECT `a;b`, 'x\\';y' FROM t; SELECT 2", 'mysql')).toEqual(["SELECT `a;b`, 'x\\';y' FROM t", 'SELECT 2']);
    expect(texts('SELECT [odd;name], `other;name` FROM t; SELECT 2', 'sqlite')).toEqual([
      'SELECT [odd;name], `other;name` FROM t',
      'SELECT 2',
    ]);
  });

  it('ignores semicolons inside comments', () => {
    const sql = 'SELECT 1 -- not here; nor here\n+ 1; /* a; b */ SELECT 2';
    expect(texts(sql, 'postgres')).toEqual(['SELECT 1 -- not here; nor here\n+ 1', '/* a; b */ SELECT 2']);
  });

  it('drops pieces that hold only whitespace or comments', () => {
    expect(texts('SELECT 1; -- trailing note\n;  ; /* block */ ;\n', 'postgres')).toEqual(['SELECT 1']);
    expect(texts('-- nothing to run\n/* at all */', 'sqlite')).toEqual([]);
    expect(texts('   \n\t', 'mysql')).toEqual([]);
  });

  it('keeps MySQL executable comments as statements', () => {
    expect(texts('/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;', 'mysql')).toEqual(['/*!40101 SET NAMES utf8mb4 */', 'SELECT 1']);
  });

  it('keeps dollar-quoted function bodies whole in PostgreSQL', () => {
    const body = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
BEGIN
  PERFORM 1; -- inside
  RETURN 2;
END;
$body$`;
    const sql = `${body};\nDO $$ BEGIN RAISE NOTICE 'x;y'; END $$;\nSELECT f();`;
    expect(texts(sql, 'postgres')).toEqual([body, "DO $$ BEGIN RAISE NOTICE 'x;y'; END $$", 'SELECT f()']);
    expectOffsetsMapBack(sql, 'postgres');
  });

  it('honours DELIMITER blocks in MySQL and leaves the DELIMITER lines out', () => {
    const sql = `SELECT 0;
DELIMITER $$
CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END$$
DELIMITER ;
SELECT 3;`;
    expect(texts(sql, 'mysql')).toEqual([
      'SELECT 0',
      'CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END',
      'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; END',
      'SELECT 3',
    ]);
    expectOffsetsMapBack(sql, 'mysql');
  });

  it('keeps a SQLite trigger body whole but still splits transactions and names containing BEGIN/END', () => {
    const trigger = `CREATE TRIGGER log_insert AFTER INSERT ON t
BEGIN
  INSERT INTO log VALUES (new.id, 'inserted; ok');
  UPDATE t SET n = CASE WHEN n > 1 THEN 0 ELSE n END WHERE id = new.id;
END`;
    const sql = `BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\n${trigger};\nSELECT beginning, weekend FROM t;\nSELECT 2;`;
    expect(texts(sql, 'sqlite')).toEqual(['BEGIN', 'INSERT INTO t VALUES (1)', 'COMMIT', trigger, 'SELECT beginning, weekend FROM t', 'SELECT 2']);
    expectOffsetsMapBack(sql, 'sqlite');
  });

  it('reports offsets that map back exactly, also for CRLF line ends and non-ASCII text', () => {
    const sql = "\r\n  SELECT 'żółw 🐢';\r\n-- lead\r\nSELECT 2\r\n;\r\nSELECT 3";
    const statements = splitStatements(sql, 'postgres');
    expect(statements.map((statement) => statement.sql)).toEqual(["SELECT 'żółw 🐢'", '-- lead\r\nSELECT 2', 'SELECT 3']);
    expectOffsetsMapBack(sql, 'postgres');
    expect(statements[2].end).toBe(sql.length);
  });

  it('returns an unterminated string as the last statement instead of losing it', () => {
    const sql = "SELECT 1; SELECT 'open";
    expect(texts(sql, 'postgres')).toEqual(['SELECT 1', "SELECT 'open"]);
    expectOffsetsMapBack(sql, 'postgres');
  });
});

describe('statementAt', () => {
  const sql = 'SELECT 1;\n\nSELECT 2;   \n-- third\nSELECT 3\n\n';
  const first = { sql: 'SELECT 1', offset: 0, end: 8 };
  const second = { sql: 'SELECT 2', offset: 11, end: 19 };
  const third = { sql: '-- third\nSELECT 3', offset: 24, end: 41 };

  it('picks the statement that contains the cursor, including right after its last character', () => {
    expect(statementAt(sql, 'postgres', 0)).toEqual(first);
    expect(statementAt(sql, 'postgres', 4)).toEqual(first);
    expect(statementAt(sql, 'postgres', 8)).toEqual(first);
    expect(statementAt(sql, 'postgres', 15)).toEqual(second);
    expect(statementAt(sql, 'postgres', 25)).toEqual(third);
  });

  it('picks the nearest statement before a cursor that sits between statements or after the last', () => {
    expect(statementAt(sql, 'postgres', 10)).toEqual(first);
    expect(statementAt(sql, 'postgres', 21)).toEqual(second);
    expect(statementAt(sql, 'postgres', sql.length)).toEqual(third);
  });

  it('picks the first statement for a cursor before it and null when there is nothing to run', () => {
    expect(statementAt('\n\n  SELECT 1', 'sqlite', 0)).toEqual({ sql: 'SELECT 1', offset: 4, end: 12 });
    expect(statementAt('-- only a comment', 'mysql', 3)).toBeNull();
  });
});
