import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { emptyDraft, type ConnectionDraft, type Engine } from '../../../shared/model/connection';
import { quoteIdentifier } from '../../../shared/sql/quote';
import { admin as mysqlAdmin, MY_HOST, MY_PORT } from '../mysql/support';
import { admin as pgAdmin, PG_HOST, PG_PORT } from '../postgres/support';

/**
 * One scratch database per engine for the conformance suite: every feature test runs the same
 * assertions with `describe.each(ENGINE_KITS)` against real PostgreSQL, MariaDB and SQLite.
 * `admin` runs SQL outside the code under test (fixtures and checks); `draft` opens the scratch
 * database through the app.
 */
export interface EngineKit {
  engine: Extract<Engine, 'postgres' | 'mysql' | 'sqlite'>;
  label: string;
  /** Creates the scratch database (or file). Call in beforeAll. */
  setup(): Promise<void>;
  /** Drops it. Call in afterAll. */
  teardown(): Promise<void>;
  /** A connection profile for the scratch database. Valid after setup(). */
  draft(overrides?: Partial<ConnectionDraft>): ConnectionDraft;
  /** Runs one statement as an administrator on a separate session; returns rows as objects. */
  admin(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** The engine's identifier quoting. */
  quote(name: string): string;
  /** The schema-tree path segments down to a table named `table` in the scratch database. */
  tablePath(table: string): { kind: 'database' | 'schema' | 'group' | 'table'; name: string }[];
}

const scratchName = (engine: string) => `strata_conf_${engine}_${randomBytes(4).toString('hex')}`;

function postgresKit(): EngineKit {
  const database = scratchName('pg');
  return {
    engine: 'postgres',
    label: 'PostgreSQL',
    async setup() {
      await pgAdmin(`CREATE DATABASE ${database}`);
    },
    async teardown() {
      await pgAdmin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
    draft: (overrides = {}) => ({ ...emptyDraft('postgres'), name: `conformance ${database}`, host: PG_HOST, port: PG_PORT, user: 'postgres', database, ...overrides }),
    admin: (sql, params = []) => pgAdmin(sql, params, database),
    quote: (name) => quoteIdentifier('postgres', name),
    tablePath: (table) => [
      { kind: 'database', name: database },
      { kind: 'schema', name: 'public' },
      { kind: 'group', name: 'tables' },
      { kind: 'table', name: table },
    ],
  };
}

function mysqlKit(): EngineKit {
  const database = scratchName('my');
  return {
    engine: 'mysql',
    label: 'MariaDB',
    async setup() {
      await mysqlAdmin(`CREATE DATABASE ${database} CHARACTER SET utf8mb4`);
    },
    async teardown() {
      await mysqlAdmin(`DROP DATABASE IF EXISTS ${database}`);
    },
    draft: (overrides = {}) => ({ ...emptyDraft('mysql'), name: `conformance ${database}`, host: MY_HOST, port: MY_PORT, user: 'root', database, ...overrides }),
    admin: (sql, params = []) => mysqlAdmin<Record<string, unknown>>(sql, params, database).then((rows) => (Array.isArray(rows) ? rows : [])),
    quote: (name) => quoteIdentifier('mysql', name),
    tablePath: (table) => [
      { kind: 'database', name: database },
      { kind: 'group', name: 'tables' },
      { kind: 'table', name: table },
    ],
  };
}

function sqliteKit(): EngineKit {
  let dir = '';
  let file = '';
  return {
    engine: 'sqlite',
    label: 'SQLite',
    async setup() {
      dir = await mkdtemp(join(tmpdir(), 'strata-conformance-'));
      file = join(dir, 'conformance.sqlite');
      new Database(file).close();
    },
    async teardown() {
      await rm(dir, { recursive: true, force: true });
    },
    draft: (overrides = {}) => ({ ...emptyDraft('sqlite'), name: 'conformance sqlite', filePath: file, ...overrides }),
    async admin(sql, params = []) {
      const db = new Database(file);
      try {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
        statement.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
    quote: (name) => quoteIdentifier('sqlite', name),
    tablePath: (table) => [
      { kind: 'group', name: 'tables' },
      { kind: 'table', name: table },
    ],
  };
}

/** Fresh kits (each with its own scratch name) for describe.each. */
export function engineKits(): EngineKit[] {
  return [postgresKit(), mysqlKit(), sqliteKit()];
}
