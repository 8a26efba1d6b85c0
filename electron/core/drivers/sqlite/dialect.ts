import type { Capabilities } from '../../../../shared/model/capabilities';
import type { Dialect } from '../types';
import { SqliteDriver, type SqliteDriverOptions } from './driver';

export const SQLITE_CAPABILITIES: Capabilities = {
  kind: 'sql',
  // By ending the statement's worker thread.
  cancel: true,
  transactions: true,
  explain: true,
  databases: false,
  schemas: false,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: false,
  ssl: false,
};

export function createSqliteDialect(options: SqliteDriverOptions): Dialect {
  return {
    engine: 'sqlite',
    capabilities: SQLITE_CAPABILITIES,
    createDriver: (config) => new SqliteDriver(config, options),
  };
}
