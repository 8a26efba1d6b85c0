import type Database from 'better-sqlite3';

/**
 * The app store's schema, one migration per version: migration i takes PRAGMA user_version from i to
 * i + 1. Append new migrations; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id TEXT NOT NULL,
    connection_name TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    duration_ms REAL NOT NULL,
    row_count INTEGER,
    affected_rows INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
    error_message TEXT,
    sql_length INTEGER NOT NULL,
    stored_length INTEGER NOT NULL,
    truncated INTEGER NOT NULL CHECK (truncated IN (0, 1)),
    -- The start of a statement longer than a list shows, so a list never reads the whole text.
    preview TEXT,
    sql TEXT NOT NULL
  );
  CREATE INDEX history_by_connection ON history (connection_id, id);

  CREATE TABLE saved_queries (
    id TEXT PRIMARY KEY,
    connection_id TEXT,
    name TEXT NOT NULL,
    sql TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- Unique per connection; connection ids are never empty, so '' stands for "all connections".
  CREATE UNIQUE INDEX saved_queries_name ON saved_queries (ifnull(connection_id, ''), name COLLATE NOCASE);
  `,
];

/** The store was written by a newer Strata: its schema is unknown here, so it is left untouched. */
export class NewerSchemaError extends Error {
  constructor(readonly version: number) {
    super(`The file has schema version ${version}; this version of Strata knows up to ${MIGRATIONS.length}.`);
    this.name = 'NewerSchemaError';
  }
}

/** Throws NewerSchemaError when the file's schema is newer than this Strata knows; returns its version otherwise. */
export function refuseNewerSchema(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) throw new NewerSchemaError(version);
  return version;
}

/** Brings the schema to the latest version, each step in its own transaction; does nothing when it is current. */
export function migrate(db: Database.Database): void {
  const version = refuseNewerSchema(db);
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]);
      db.pragma(`user_version = ${next + 1}`);
    })();
  }
}
