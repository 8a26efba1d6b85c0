import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SavedQuery, SavedQueryInput } from '../../../shared/model/history';
import { CoreError } from '../errors';

interface SavedQueryRow {
  id: string;
  connection_id: string | null;
  name: string;
  sql: string;
  created_at: number;
  updated_at: number;
}

const ORDER = 'ORDER BY connection_id IS NOT NULL, connection_id, name COLLATE NOCASE, id';

function prepareStatements(db: Database.Database) {
  const prepare = <Row = unknown>(sql: string) => db.prepare<unknown[], Row>(sql);
  return {
    all: prepare<SavedQueryRow>(`SELECT * FROM saved_queries ${ORDER}`),
    of: prepare<SavedQueryRow>(`SELECT * FROM saved_queries WHERE connection_id = ? OR connection_id IS NULL ${ORDER}`),
    insert: prepare<SavedQueryRow>(
      `INSERT INTO saved_queries (id, connection_id, name, sql, created_at, updated_at)
      VALUES (@id, @connectionId, @name, @sql, @now, @now) RETURNING *`,
    ),
    update: prepare<SavedQueryRow>(
      'UPDATE saved_queries SET connection_id = @connectionId, name = @name, sql = @sql, updated_at = @now WHERE id = @id RETURNING *',
    ),
    delete: prepare('DELETE FROM saved_queries WHERE id = ?'),
  };
}

/** Queries the user saved by name, per connection or for all connections, in the app's SQLite store. */
export class SavedQueryStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(db: Database.Database) {
    this.statements = prepareStatements(db);
  }

  /** With a connection: its queries and those saved for all connections. Without: every saved query. */
  list(connectionId?: string): SavedQuery[] {
    const rows = connectionId === undefined ? this.statements.all.all() : this.statements.of.all(connectionId);
    return rows.map(toSavedQuery);
  }

  /** Saves a new query, or replaces the one with `input.id` (NOT_FOUND when there is none). */
  save(input: SavedQueryInput): SavedQuery {
    const params = { id: input.id ?? randomUUID(), connectionId: input.connectionId, name: input.name, sql: input.sql, now: Date.now() };
    let row: SavedQueryRow | undefined;
    try {
      row = input.id === undefined ? this.statements.insert.get(params) : this.statements.update.get(params);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateName(input);
      throw error;
    }
    if (!row) throw new CoreError('NOT_FOUND', 'That saved query no longer exists. It may have been deleted in another window.');
    return toSavedQuery(row);
  }

  delete(id: string): boolean {
    return this.statements.delete.run(id).changes > 0;
  }
}

function duplicateName({ name, connectionId }: SavedQueryInput): CoreError {
  const scope = connectionId === null ? 'for all connections' : 'for this connection';
  return new CoreError('INVALID_INPUT', `A saved query named "${name}" already exists ${scope}. Choose another name.`, {
    issues: [{ path: 'name', message: `This name is taken ${scope}.` }],
  });
}

function toSavedQuery(row: SavedQueryRow): SavedQuery {
  return {
    id: row.id,
    connectionId: row.connection_id,
    name: row.name,
    sql: row.sql,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
