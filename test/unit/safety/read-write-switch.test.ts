import { describe, expect, it } from 'vitest';
import { findReadWriteSwitch } from '../../../shared/sql/read-write-switch';
import type { SplitDialect } from '../../../shared/sql/split';

const form = (sql: string, dialect: SplitDialect) => findReadWriteSwitch(sql, dialect)?.form ?? null;

describe('statements that switch a PostgreSQL session to read-write', () => {
  const pg = (sql: string) => form(sql, 'postgres');

  it.each([
    ['SET default_transaction_read_only = off', 'SET default_transaction_read_only'],
    ['set default_transaction_read_only to false', 'SET default_transaction_read_only'],
    ["SET SESSION default_transaction_read_only TO 'off'", 'SET default_transaction_read_only'],
    ["SET default_transaction_read_only = 'of'", 'SET default_transaction_read_only'],
    ['SET default_transaction_read_only = 0', 'SET default_transaction_read_only'],
    ['SET default_transaction_read_only = no', 'SET default_transaction_read_only'],
    ["SET default_transaction_read_only = E'\\x6f\\x66\\x66'", 'SET default_transaction_read_only'],
    ['SET transaction_read_only = off', 'SET transaction_read_only'],
    ['sEt LoCaL transaction_read_only = 0', 'SET transaction_read_only'],
    ['SET transaction_read_only TO DEFAULT', 'SET transaction_read_only'],
    ['RESET transaction_read_only', 'RESET transaction_read_only'],
    ['SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE', 'SET … TRANSACTION READ WRITE'],
    ['SET TRANSACTION READ WRITE', 'SET … TRANSACTION READ WRITE'],
    ['SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ WRITE', 'SET … TRANSACTION READ WRITE'],
    ['BEGIN READ WRITE', 'BEGIN … READ WRITE'],
    ['begin transaction isolation level read committed, read write', 'BEGIN … READ WRITE'],
    ['BEGIN WORK NOT DEFERRABLE READ WRITE', 'BEGIN … READ WRITE'],
    ['START TRANSACTION READ WRITE', 'START TRANSACTION … READ WRITE'],
    ["SELECT set_config('default_transaction_read_only', 'off', false)", "set_config('default_transaction_read_only', …)"],
    ["select SET_CONFIG('transaction_read_only', 'false', true)", "set_config('transaction_read_only', …)"],
    ["SELECT pg_catalog.set_config('default_transaction_read_only', 'off', false)", "set_config('default_transaction_read_only', …)"],
    ["SELECT \"set_config\"('DEFAULT_TRANSACTION_READ_ONLY', 'off', false)", "set_config('default_transaction_read_only', …)"],
    ["SELECT set_config('default_transaction_read_only'::text, 'off'::text, false)", "set_config('default_transaction_read_only', …)"],
    ["SELECT set_config($$default_transaction_read_only$$, $$off$$, false)", "set_config('default_transaction_read_only', …)"],
    ["SELECT set_config('default_transaction_read_only', current_setting('x.y'), false)", "set_config('default_transaction_read_only', …)"],
    ["WITH x AS (SELECT set_config('default_transaction_read_only', 'off', false)) SELECT * FROM x", "set_config('default_transaction_read_only', …)"],
    ["EXPLAIN ANALYZE SELECT set_config('transaction_read_only', 'off', true)", "set_config('transaction_read_only', …)"],
    ["PREPARE p AS SELECT set_config('transaction_read_only', 'off', true)", "set_config('transaction_read_only', …)"],
    ["SELECT 1 WHERE set_config('default_transaction_read_only', 'off', false) IS NOT NULL", "set_config('default_transaction_read_only', …)"],
  ])('%s', (sql, expected) => {
    expect(pg(sql)).toBe(expected);
  });

  it('catches a setting name set_config gets in a form Strata cannot read', () => {
    expect(pg("SELECT set_config('default_' || 'transaction_read_only', 'off', false)")).toBe('set_config() with a setting name Strata cannot read');
    expect(pg("SELECT set_config(E'default_transaction_\\x72ead_only', 'off', false)")).toBe("set_config('default_transaction_read_only', …)");
    expect(pg("SELECT set_config('default_transaction_\\x72ead_only', 'off', false)")).toBe('set_config() with a setting name Strata cannot read');
    expect(pg('SELECT set_config($1, $2, false)')).toBe('set_config() with a setting name Strata cannot read');
    expect(pg("SELECT set_config(format('%s', 'x'), 'off', false)")).toBe('set_config() with a setting name Strata cannot read');
  });

  it('ignores case, spacing and comments between the words', () => {
    expect(pg('set /* quiet */ Default_Transaction_Read_Only\n\tTO -- here\n OFF')).toBe('SET default_transaction_read_only');
    expect(pg('BEGIN TRANSACTION READ /* nested /* comment */ still */ WRITE')).toBe('BEGIN … READ WRITE');
    expect(pg("SELECT set_config /* x */ ( 'default_transaction_read_only' , 'off' , false )")).toBe("set_config('default_transaction_read_only', …)");
    expect(pg('start\ntransaction\nread\nwrite')).toBe('START TRANSACTION … READ WRITE');
  });

  it('reads quoted and Unicode-escaped names as the server does', () => {
    expect(pg('SET "default_transaction_read_only" = off')).toBe('SET default_transaction_read_only');
    expect(pg('SET "Default_Transaction_Read_Only" = off')).toBe('SET default_transaction_read_only');
    expect(pg('SET U&"default_transaction_\\0072ead_only" = off')).toBe('SET default_transaction_read_only');
    expect(pg("SET U&\"default_transaction_!0072ead_only\" UESCAPE '!' = off")).toBe('SET default_transaction_read_only');
    expect(pg('SELECT U&"\\0073et_config"(\'default_transaction_read_only\', \'off\', false)')).toBe("set_config('default_transaction_read_only', …)");
    expect(pg("SELECT set_config(U&'default_transaction_\\+000072ead_only', 'off', false)")).toBe("set_config('default_transaction_read_only', …)");
  });

  it('reads the code of a DO block and of the EXECUTE statements in it', () => {
    expect(pg('DO $$ BEGIN SET default_transaction_read_only = off; END $$')).toBe('SET default_transaction_read_only in a DO block');
    expect(pg("DO $$ BEGIN PERFORM set_config('default_transaction_read_only', 'off', false); END $$")).toBe("set_config('default_transaction_read_only', …) in a DO block");
    expect(pg("DO $body$ BEGIN IF true THEN EXECUTE 'SET transaction_read_only = off'; END IF; END $body$")).toBe('SET transaction_read_only in EXECUTE in a DO block');
    expect(pg("DO LANGUAGE plpgsql 'begin set transaction_read_only = off; end'")).toBe('SET transaction_read_only in a DO block');
    expect(pg("DO 'begin execute ''reset transaction_read_only''; end' LANGUAGE plpgsql")).toBe('RESET transaction_read_only in EXECUTE in a DO block');
    expect(pg("DO E'BEGIN SET default_transaction_\\x72ead_only = off; END'")).toBe('SET default_transaction_read_only in a DO block');
    expect(pg("DO $$ BEGIN EXECUTE 'SET default_transaction_read_only = off' USING 1; END $$")).toBe('SET default_transaction_read_only in EXECUTE in a DO block');
  });

  it('finds a switch after other statements in the same text', () => {
    expect(pg('SELECT 1; SET default_transaction_read_only = off')).toBe('SET default_transaction_read_only');
    expect(pg("SELECT E'\\''; SET transaction_read_only = off")).toBe('SET transaction_read_only');
  });

  it.each([
    'SET default_transaction_read_only = on',
    'SET default_transaction_read_only TO true',
    "SET default_transaction_read_only = 'yes'",
    'SET default_transaction_read_only = 1',
    'SET default_transaction_read_only = "on"',
    'SET default_transaction_read_only TO DEFAULT',
    'SET LOCAL default_transaction_read_only TO DEFAULT',
    'RESET default_transaction_read_only',
    'RESET ALL',
    'DISCARD ALL',
    'SET transaction_read_only = on',
    'SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY',
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
    'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY',
    'START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED',
    'BEGIN',
    "SET application_name = 'read write'",
    "SET application_name = 'SET default_transaction_read_only = off'",
    'SET x.default_transaction_read_only = off',
    "SELECT 'SET default_transaction_read_only = off'",
    "SELECT $$BEGIN READ WRITE$$, $tag$ set_config('transaction_read_only','off',false) $tag$",
    "SELECT E'START TRANSACTION READ WRITE'",
    '-- SET default_transaction_read_only = off\nSELECT 1',
    '/* BEGIN READ WRITE; /* nested */ set_config(1,2,3) */ SELECT 1',
    'SELECT "read write", "set_config" FROM t',
    'SELECT read, write FROM t',
    'SELECT read write FROM t',
    'SELECT current_setting(\'default_transaction_read_only\')',
    "SELECT set_config('application_name', 'read write', false)",
    "SELECT set_config('default_transaction_read_only', 'on', false)",
    "SELECT set_config('search_path'::text, 'public', false)",
    'CREATE TABLE set_config (read int, write int)',
    'INSERT INTO set_config (read, write) VALUES (1, 2)',
    "COMMENT ON TABLE t IS 'START TRANSACTION READ WRITE'",
    'UPDATE t SET transaction_read_only = 0 WHERE id = 1',
    "DO $$ BEGIN RAISE NOTICE 'SET default_transaction_read_only = off'; END $$",
    "DO $$ BEGIN EXECUTE 'SELECT 1'; END $$",
    "DO LANGUAGE plpython3u 'plpy.execute(\"select 1\")'",
  ])('lets %s run', (sql) => {
    expect(pg(sql)).toBeNull();
  });

  it('cannot see SQL text built at run time (documented limit)', () => {
    expect(pg("DO $$ BEGIN EXECUTE format('SET %I = off', 'default_transaction_read_only'); END $$")).toBeNull();
    expect(pg('SELECT switch_it_off()')).toBeNull();
  });

  it('refuses ALTER SYSTEM, which a read-only transaction lets through to postgresql.auto.conf', () => {
    expect(pg("ALTER SYSTEM SET work_mem = '64MB'")).toBe('ALTER SYSTEM');
    expect(pg('alter /* x */ system reset all')).toBe('ALTER SYSTEM');
    expect(pg('ALTER TABLE system ADD COLUMN x int')).toBeNull();
    expect(pg("SELECT 'ALTER SYSTEM SET work_mem = 1'")).toBeNull();
  });
});

describe('statements that switch a MySQL or MariaDB session to read-write', () => {
  const my = (sql: string) => form(sql, 'mysql');

  it.each([
    ['SET SESSION TRANSACTION READ WRITE', 'SET TRANSACTION READ WRITE'],
    ['SET TRANSACTION READ WRITE', 'SET TRANSACTION READ WRITE'],
    ['set global transaction read write', 'SET TRANSACTION READ WRITE'],
    ['SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED, READ WRITE', 'SET TRANSACTION READ WRITE'],
    ['START TRANSACTION READ WRITE', 'START TRANSACTION … READ WRITE'],
    ['START TRANSACTION WITH CONSISTENT SNAPSHOT, READ WRITE', 'START TRANSACTION … READ WRITE'],
    ['SET @@session.transaction_read_only = 0', 'SET transaction_read_only'],
    ['SET @@transaction_read_only = OFF', 'SET transaction_read_only'],
    ['SET @@tx_read_only=0', 'SET tx_read_only'],
    ['SET tx_read_only = 0', 'SET tx_read_only'],
    ['SET SESSION tx_read_only=OFF', 'SET tx_read_only'],
    ['SET LOCAL tx_read_only := FALSE', 'SET tx_read_only'],
    ['SET @@GLOBAL.tx_read_only = 0', 'SET GLOBAL'],
    ["SET @@session.`tx_read_only` = 'OFF'", 'SET tx_read_only'],
    ['SET `TX_READ_ONLY` = 0', 'SET tx_read_only'],
    ['SET tx_read_only = DEFAULT', 'SET tx_read_only'],
    ['SET tx_read_only = @@global.tx_read_only', 'SET tx_read_only'],
    ["SET sql_mode = 'ANSI', tx_read_only = 0", 'SET tx_read_only'],
    ['SET @x = 1, @@session.tx_read_only = @x', 'SET tx_read_only'],
    ['SET STATEMENT tx_read_only = 0 FOR INSERT INTO t VALUES (1)', 'SET tx_read_only'],
    ['SET STATEMENT max_statement_time = 1 FOR SET SESSION TRANSACTION READ WRITE', 'SET TRANSACTION READ WRITE'],
    ['/*!40101 SET tx_read_only = 0 */', 'SET tx_read_only'],
    ['/*M!100100 START TRANSACTION READ WRITE */', 'START TRANSACTION … READ WRITE'],
    ["PREPARE s FROM 'SET SESSION TRANSACTION READ WRITE'", 'SET TRANSACTION READ WRITE in PREPARE'],
    ["EXECUTE IMMEDIATE 'SET tx_read_only = 0'", 'SET tx_read_only in EXECUTE IMMEDIATE'],
    ["EXECUTE IMMEDIATE 'SET tx_re\\ad_only = 0'", 'SET tx_read_only in EXECUTE IMMEDIATE'],
    ["EXECUTE IMMEDIATE _utf8mb4'SET tx_' 'read_only = 0'", 'SET tx_read_only in EXECUTE IMMEDIATE'],
    ['EXECUTE IMMEDIATE "SET tx_read_only = \\"0\\""', 'SET tx_read_only in EXECUTE IMMEDIATE'],
    ['BEGIN NOT ATOMIC SET tx_read_only = 0; INSERT INTO t VALUES (1); END', 'SET tx_read_only'],
    ['BEGIN NOT ATOMIC IF 1 THEN START TRANSACTION READ WRITE; END IF; END', 'START TRANSACTION … READ WRITE'],
  ])('%s', (sql, expected) => {
    expect(my(sql)).toBe(expected);
  });

  it('ignores case, spacing and comments between the words', () => {
    expect(my('set /* a */ session # b\n transaction -- c\n read /*d*/ write')).toBe('SET TRANSACTION READ WRITE');
    expect(my('sEt @@SeSsIoN.Tx_Read_Only\n=\n0')).toBe('SET tx_read_only');
  });

  it.each([
    'SET SESSION TRANSACTION READ ONLY',
    'SET TRANSACTION ISOLATION LEVEL READ COMMITTED',
    'START TRANSACTION READ ONLY',
    'START TRANSACTION',
    'BEGIN',
    'SET tx_read_only = 1',
    'SET tx_read_only = ON',
    "SET @@session.tx_read_only = 'on'",
    'SET @tx_read_only = 0',
    "SET @'tx_read_only' = 0",
    "SET @@session.sql_mode = 'tx_read_only=0'",
    "SET NAMES 'utf8mb4'",
    'SELECT @@tx_read_only, @@session.transaction_read_only',
    'UPDATE t SET tx_read_only = 0 WHERE id = 1',
    'INSERT INTO t SET tx_read_only = 0',
    "SELECT 'SET tx_read_only = 0', \"START TRANSACTION READ WRITE\"",
    'SELECT 1 AS `SET SESSION TRANSACTION READ WRITE`',
    '# SET tx_read_only = 0\nSELECT 1',
    '-- START TRANSACTION READ WRITE\nSELECT 1',
    '/* SET TRANSACTION READ WRITE */ SELECT 1',
    "PREPARE s FROM 'SELECT read, write FROM t'",
    "SELECT set_config('default_transaction_read_only', 'off', false)",
  ])('lets %s run', (sql) => {
    expect(my(sql)).toBeNull();
  });

  it('cannot see SQL text built at run time (documented limit)', () => {
    expect(my('PREPARE s FROM @sql')).toBeNull();
    expect(my("EXECUTE IMMEDIATE CONCAT('SET tx_', 'read_only = 0')")).toBeNull();
  });

  it('refuses server-wide settings, which change the server for every session', () => {
    expect(my('SET GLOBAL max_connections = 10')).toBe('SET GLOBAL');
    expect(my("set persist sql_mode = ''")).toBe('SET PERSIST');
    expect(my("SET @@global.sql_mode = ''")).toBe('SET GLOBAL');
    expect(my("SET SESSION sql_mode = '', GLOBAL max_connections = 10")).toBe('SET GLOBAL');
    expect(my("SET SESSION sql_mode = ''")).toBeNull();
    expect(my('SET @global = 1')).toBeNull();
    expect(my('SELECT @@global.max_connections')).toBeNull();
  });
});

describe('SQLite', () => {
  it('has no session switch: a read-only connection opens the file read-only', () => {
    expect(form('PRAGMA query_only = 0', 'sqlite')).toBeNull();
    expect(form('BEGIN IMMEDIATE', 'sqlite')).toBeNull();
  });
});
