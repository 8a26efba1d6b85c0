import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { StrataError } from '../../../../shared/errors';
import { openFailure } from './sqlite-errors';

export interface OpenOptions {
  filePath: string;
  readOnly: boolean;
  nativeBinding?: string;
}

export type OpenResult = { ok: true; db: Database.Database; version: string } | { ok: false; error: StrataError };

const IN_MEMORY = ':memory:';

function missingPath({ filePath, readOnly }: OpenOptions): StrataError | null {
  if (filePath.trim() === '') {
    return { code: 'INVALID_INPUT', message: 'Choose a database file for this SQLite connection.', detail: { issues: [{ path: 'filePath', message: 'Choose a database file.' }] } };
  }
  if (filePath === IN_MEMORY || filePath.startsWith('file:')) return null;
  if (readOnly && !existsSync(filePath)) {
    return { code: 'NOT_FOUND', message: `The database file "${filePath}" does not exist. Check the path; a read-only connection cannot create a new database.` };
  }
  const folder = dirname(filePath);
  if (!existsSync(folder)) {
    return { code: 'NOT_FOUND', message: `The folder "${folder}" does not exist. Choose a database file in an existing folder.` };
  }
  if (existsSync(filePath) && statSync(filePath).isDirectory()) {
    return { code: 'CONNECTION', message: `"${filePath}" is a folder, not a SQLite database. Choose a database file.` };
  }
  return null;
}

/**
 * Opens the file the way the connection asks: read-only opens never create it, writable opens create it
 * when its folder exists. Reads the schema once so a file that is not a database fails here, not later.
 */
export function openDatabase(options: OpenOptions): OpenResult {
  const invalid = missingPath(options);
  if (invalid) return { ok: false, error: invalid };
  let db: Database.Database | undefined;
  try {
    db = new Database(options.filePath, {
      readonly: options.readOnly,
      fileMustExist: options.readOnly,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    db.pragma('foreign_keys = ON');
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    return { ok: true, db, version };
  } catch (error) {
    db?.close();
    return { ok: false, error: openFailure(error, options.filePath, options.readOnly) };
  }
}
