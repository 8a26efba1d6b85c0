import { CoreError } from '../errors';
import type { AppDatabase } from './app-database';

/**
 * The app database, opened on first use rather than at startup: starting Strata never waits for it,
 * and a store that cannot be opened at all (better-sqlite3's native module missing) fails only the
 * history and saved-query calls, with a message, instead of the whole app.
 */
export interface LazyAppDatabase {
  get(): AppDatabase;
  close(): void;
}

export function lazyAppDatabase(open: () => AppDatabase): LazyAppDatabase {
  let database: AppDatabase | null = null;
  return {
    get() {
      if (database) return database;
      try {
        database = open();
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 200);
        throw new CoreError('INTERNAL', `Query history and saved queries are unavailable: ${reason}. Reinstalling Strata should restore them.`);
      }
      return database;
    },
    close() {
      database?.close();
      database = null;
    },
  };
}
