import { chmodSync, existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, NewerSchemaError, refuseNewerSchema } from './app-database-schema';
import { DEFAULT_HISTORY_LIMITS, type HistoryLimits } from './history-limits';
import { HistoryStore } from './history-store';
import { SavedQueryStore } from './saved-query-store';

export const APP_DATABASE_FILE = 'strata-app.sqlite';

export interface AppDatabaseOptions {
  dataDir: string;
  /** better-sqlite3's .node built for Electron; undefined under Node. */
  nativeBinding?: string;
  /** Never given secrets. */
  log: (line: string) => void;
  limits?: Partial<HistoryLimits>;
}

/** The app's own SQLite store: query history and saved queries. */
export interface AppDatabase {
  readonly history: HistoryStore;
  readonly savedQueries: SavedQueryStore;
  /** What the user should be told about the store (it was damaged and replaced, or is kept in memory only); null when all is well. */
  readonly notice: string | null;
  /** The file in use, or null when the store lives in memory for this session only. */
  readonly file: string | null;
  close(): void;
}

/** How long a write waits for another Strata process holding the file, blocking main meanwhile. */
const BUSY_TIMEOUT_MS = 1000;
const SIDE_FILES = ['-wal', '-shm'];

/**
 * Opens `<dataDir>/strata-app.sqlite` (WAL, migrated to the current schema). Never throws for the
 * file's sake: a damaged or unreadable file is moved aside to `.corrupt-<time>` and a fresh one
 * started; a file from a newer Strata, a file another process keeps locked, or a data directory that
 * cannot hold a fresh file leave the store in memory for this session. Each case is logged and told
 * once through `notice`.
 */
export function openAppDatabase(options: AppDatabaseOptions): AppDatabase {
  const file = join(options.dataDir, APP_DATABASE_FILE);
  const limits = { ...DEFAULT_HISTORY_LIMITS, ...options.limits };
  const { log } = options;
  try {
    return openStores(file, options.nativeBinding, limits, null);
  } catch (error) {
    if (error instanceof NewerSchemaError) {
      log(`${file} was written by a newer version of Strata (${error.message}); history is kept in memory for this session.`);
      return inMemory(
        options.nativeBinding,
        limits,
        'Your query history and saved queries were written by a newer version of Strata, so this version leaves them untouched. What you run now is kept until Strata quits.',
      );
    }
    if (isDamage(error)) return replaceDamaged(file, error, options, limits);
    log(`${file} could not be opened (${messageOf(error)}); history is kept in memory for this session.`);
    return inMemory(
      options.nativeBinding,
      limits,
      `Your query history and saved queries could not be opened (${messageOf(error)}), so what you run now is kept only until Strata quits.`,
    );
  }
}

function replaceDamaged(file: string, damage: Error, options: AppDatabaseOptions, limits: HistoryLimits): AppDatabase {
  const { log } = options;
  const problem = damage.message.slice(0, 200);
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    for (const suffix of SIDE_FILES) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
  } catch (error) {
    log(`${file} could not be opened (${problem}) nor moved aside (${messageOf(error)}); history is kept in memory for this session.`);
    return inMemory(options.nativeBinding, limits, `Your query history and saved queries could not be read (${problem}), so what you run now is kept only until Strata quits.`);
  }
  log(`${file} could not be opened (${problem}). It was moved to ${aside} and a fresh one was started.`);
  const notice = `Your query history and saved queries could not be read (${problem}). The damaged file was kept as ${aside} and a new, empty history was started.`;
  try {
    return openStores(file, options.nativeBinding, limits, notice);
  } catch (error) {
    log(`A fresh ${file} could not be started either (${messageOf(error)}); history is kept in memory for this session.`);
    return inMemory(options.nativeBinding, limits, `${notice} That new file could not be written either, so what you run now is kept only until Strata quits.`);
  }
}

function openStores(file: string, nativeBinding: string | undefined, limits: HistoryLimits, notice: string | null): AppDatabase {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Before anything writes: a newer Strata's file must stay exactly as it is.
    refuseNewerSchema(db);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    restrictToOwner(file);
    return stores(db, limits, notice, file);
  } catch (error) {
    db.close();
    throw error;
  }
}

function inMemory(nativeBinding: string | undefined, limits: HistoryLimits, notice: string): AppDatabase {
  return stores(new Database(':memory:', nativeBinding ? { nativeBinding } : {}), limits, notice, null);
}

function stores(db: Database.Database, limits: HistoryLimits, notice: string | null, file: string | null): AppDatabase {
  migrate(db);
  // Counting reads both tables' pages, so a file damaged past its header fails here, at open.
  const history = new HistoryStore(db, limits);
  db.prepare('SELECT count(*) FROM saved_queries').get();
  const savedQueries = new SavedQueryStore(db);
  return {
    history,
    savedQueries,
    notice,
    file,
    close: () => {
      if (db.open) db.close();
    },
  };
}

/**
 * SQLite's answers for a file that is not a usable store of ours: damaged, not a database, not
 * openable, or holding tables that clash with the schema. Busy, full, read-only and I/O errors are
 * not the file's fault, so they never move it aside.
 */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CANTOPEN', 'SQLITE_ERROR', 'SQLITE_FORMAT', 'SQLITE_MISMATCH'];

function isDamage(error: unknown): error is Error {
  if (!(error instanceof Database.SqliteError)) return false;
  return DAMAGE_CODES.some((code) => error.code === code || error.code.startsWith(`${code}_`));
}

/** The history holds the user's SQL: readable by the user only. */
function restrictToOwner(file: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(file, 0o600);
  } catch {
    // A file owned by someone else keeps its mode; the data directory itself is 0700.
  }
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 200);
}
