import { describe, expect, it } from 'vitest';
import { firstKeyword, splitStatements, statementAt, type SplitDialect } from '../../shared/sql/split';

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

describe('splitStatements on each dialect\'s hard cases', () => {
  it('reads MySQL # comments to the end of the line, whatever they hold', () => {
    const sql = "SELECT 1 # it's; not the end\n+ 1; # a whole line; of comment\nSELECT '#;' AS hash; SELECT 2 # last";
    expect(texts(sql, 'mysql')).toEqual(["SELECT 1 # it's; not the end\n+ 1", "# a whole line; of comment\nSELECT '#;' AS hash", 'SELECT 2 # last']);
    expect(texts('SELECT 1; # only a comment; here\n', 'mysql')).toEqual(['SELECT 1']);
    expectOffsetsMapBack(sql, 'mysql');
  });

  it('reads MySQL -- as a comment only when a space follows, as MySQL does', () => {
    expect(texts('SELECT 5--2; SELECT 3 -- c; d\n; SELECT 4 --\n;', 'mysql')).toEqual(['SELECT 5--2', 'SELECT 3 -- c; d', 'SELECT 4 --']);
    expect(texts('SELECT 5--2; SELECT 3', 'postgres')).toEqual(['SELECT 5--2; SELECT 3']);
  });

  it('keeps backslash-escaped quotes inside MySQL strings', () => {
    const sql = `SELECT 'it\\'s; here', "say \\"a;b\\"", 'x''y;z', '\\\\'; SELECT 2`;
    expect(texts(sql, 'mysql')).toEqual([`SELECT 'it\\'s; here', "say \\"a;b\\"", 'x''y;z', '\\\\'`, 'SELECT 2']);
  });

  it('reads PostgreSQL E\'…\' strings with backslash escapes, and plain strings without', () => {
    const sql = "SELECT E'it\\'s; here', e'\\\\', 'plain\\'; SELECT E'\\'; x'; SELECT 3";
    expect(texts(sql, 'postgres')).toEqual(["SELECT E'it\\'s; here', e'\\\\', 'plain\\'", "SELECT E'\\'; x'", 'SELECT 3']);
    expectOffsetsMapBack(sql, 'postgres');
  });

  it('honours a MySQL DELIMITER whatever strings and comments in the block contain', () => {
    const sql = `DELIMITER //
CREATE PROCEDURE p(OUT n INT)
BEGIN
  # counts; the rows // not yet
  SELECT COUNT(*) INTO n FROM t WHERE note <> '//;'; -- done; //
  SET n = n + 1;
END//
DELIMITER ;
CALL p(@n); SELECT @n`;
    const procedure = sql.slice(sql.indexOf('CREATE'), sql.indexOf('//\nDELIMITER ;'));
    expect(texts(sql, 'mysql')).toEqual([procedure, 'CALL p(@n)', 'SELECT @n']);
    expectOffsetsMapBack(sql, 'mysql');
  });

  it('keeps PostgreSQL dollar quotes with tags whole, also with other tags nested inside', () => {
    const fn = `CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE $q$SELECT 1; SELECT 2$q$;
  RETURN $$;$$ || $q$ $fn $q$;
END
$fn$`;
    const sql = `${fn};\nSELECT $a$ $b$ ; $b$ $a$ AS nested, 1 AS a$b$c; SELECT 3`;
    expect(texts(sql, 'postgres')).toEqual([fn, 'SELECT $a$ $b$ ; $b$ $a$ AS nested, 1 AS a$b$c', 'SELECT 3']);
    // The server reads an unterminated dollar quote to the end of the script.
    expect(texts('SELECT $x$ never closed; SELECT 2', 'postgres')).toEqual(['SELECT $x$ never closed; SELECT 2']);
    expectOffsetsMapBack(sql, 'postgres');
  });

  it('keeps a PostgreSQL BEGIN ATOMIC body whole, CASE … END inside it included', () => {
    const fn = `CREATE OR REPLACE FUNCTION sign_of(a int) RETURNS text LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN a > 0 THEN 'positive;' WHEN a < 0 THEN 'negative' ELSE 'zero' END;
END`;
    const procedure = 'CREATE PROCEDURE noop() LANGUAGE sql BEGIN ATOMIC END';
    const named = 'CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1';
    const sql = `${fn};\n${procedure};\n${named};\nBEGIN; SELECT sign_of(2); END;`;
    expect(texts(sql, 'postgres')).toEqual([fn, procedure, named, 'BEGIN', 'SELECT sign_of(2)', 'END']);
    expectOffsetsMapBack(sql, 'postgres');
  });

  it('ignores semicolons in -- and /* */ comments in every dialect', () => {
    for (const dialect of ['postgres', 'mysql', 'sqlite'] as const) {
      const sql = "SELECT 1 -- a; b\n, 2 /* c; 'd */; /* e; */ SELECT 3";
      expect(texts(sql, dialect), dialect).toEqual(["SELECT 1 -- a; b\n, 2 /* c; 'd */", '/* e; */ SELECT 3']);
    }
  });

  it('nests /* */ comments in PostgreSQL only', () => {
    const sql = '/* a /* b; */ c; */ SELECT 1; SELECT 2';
    expect(texts(sql, 'postgres')).toEqual(['/* a /* b; */ c; */ SELECT 1', 'SELECT 2']);
    expect(texts(sql, 'mysql')).toEqual(['/* a /* b; */ c', '*/ SELECT 1', 'SELECT 2']);
  });

  it('keeps semicolons in quoted names of every dialect', () => {
    expect(texts('SELECT "a;b" FROM "t;"; SELECT 2', 'postgres')).toEqual(['SELECT "a;b" FROM "t;"', 'SELECT 2']);
    expect(texts('SELECT `a;b`, `x``;y` FROM t; SELECT 2', 'mysql')).toEqual(['SELECT `a;b`, `x``;y` FROM t', 'SELECT 2']);
    expect(texts('SELECT "a;b", [c;d], `e;f` FROM t; SELECT 2', 'sqlite')).toEqual(['SELECT "a;b", [c;d], `e;f` FROM t', 'SELECT 2']);
  });

  it('keeps SQLite trigger bodies whole: TEMP, IF NOT EXISTS, CASE … END and a column named end', () => {
    const trigger = `CREATE TEMP TRIGGER IF NOT EXISTS stamp AFTER INSERT ON t
BEGIN
  UPDATE t SET end = CASE WHEN new.id > 1 THEN 'big; end' ELSE 'small' END WHERE id = new.id;
  SELECT RAISE(IGNORE) WHERE 0;
END`;
    const sql = `${trigger};\nINSERT INTO t (id) VALUES (2);`;
    expect(texts(sql, 'sqlite')).toEqual([trigger, 'INSERT INTO t (id) VALUES (2)']);
    expectOffsetsMapBack(sql, 'sqlite');
  });

  it('drops a statement of MySQL executable-comment markers with nothing inside', () => {
    expect(texts('/*!*/; /*!40101 SET NAMES utf8mb4 */; SELECT 1', 'mysql')).toEqual(['/*!40101 SET NAMES utf8mb4 */', 'SELECT 1']);
  });
});

describe('splitStatements round trip', () => {
  const fragments: Record<SplitDialect, string[]> = {
    postgres: [
      "SELECT E'a\\'; b' AS e, 'c\\' AS plain",
      'SELECT $x$ ; $y$ ; $y$ $x$',
      '/* a /* ; */ ; */ SELECT "x;y"',
      'CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN true THEN 1 END; SELECT 2; END',
      "SELECT 1 -- ; E'\n+ 1",
    ],
    mysql: [
      "SELECT 'a\\'; b', \"c\\\"; d\"",
      "SELECT 1 # '; \n+ 1",
      'SELECT `a;b`, 5--2',
      '/*!40101 SET @x = 1 */',
      "SELECT 'x''; y'",
    ],
    sqlite: [
      'CREATE TRIGGER t AFTER DELETE ON a BEGIN DELETE FROM b WHERE id = old.id; UPDATE c SET end = 1; END',
      "SELECT [a;b], `c;d`, \"e;f\", 'g;h'",
      'BEGIN',
      'SELECT 1 /* ; */ -- ;\n+ 2',
      'COMMIT',
    ],
  };

  it.each(['postgres', 'mysql', 'sqlite'] as const)('returns each statement of a %s script exactly, with its offsets', (dialect) => {
    for (const separator of [';', ';\n\n', ' \t;\r\n']) {
      const sql = fragments[dialect].join(separator) + separator;
      const statements = splitStatements(sql, dialect);
      expect(statements.map((statement) => statement.sql), JSON.stringify(separator)).toEqual(fragments[dialect]);
      expectOffsetsMapBack(sql, dialect);
      for (const statement of statements) {
        expect(statementAt(sql, dialect, statement.offset + Math.floor(statement.sql.length / 2))).toEqual(statement);
      }
    }
  });
});

describe('firstKeyword', () => {
  it('skips the dialect\'s comments and reads MySQL executable comments as code', () => {
    expect(firstKeyword('# note\n-- more\n  select 1', 'mysql')).toBe('SELECT');
    expect(firstKeyword('/* a /* b */ c */ update t set a = 1', 'postgres')).toBe('UPDATE');
    expect(firstKeyword('/*!50003 CREATE */ /*!50003 TRIGGER tr */', 'mysql')).toBe('CREATE');
    expect(firstKeyword('-- nothing', 'sqlite')).toBeNull();
    expect(firstKeyword('(SELECT 1)', 'postgres')).toBeNull();
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

  it('maps a cursor inside a body or a comment to the whole statement around it', () => {
    const fn = 'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END';
    const sql = `SELECT E'\\\\'; ${fn}; SELECT 3`;
    expect(statementAt(sql, 'postgres', sql.indexOf('SELECT 2'))).toEqual({ sql: fn, offset: 14, end: 14 + fn.length });
    const mysql = 'SELECT 1 # a; b\n; SELECT 2';
    expect(statementAt(mysql, 'mysql', mysql.indexOf('b'))).toEqual({ sql: 'SELECT 1 # a; b', offset: 0, end: 15 });
  });
});
