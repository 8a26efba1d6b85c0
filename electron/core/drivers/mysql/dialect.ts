import type { Capabilities } from '../../../../shared/model/capabilities';
import type { Dialect } from '../types';
import { MysqlDriver } from './driver';

export const mysqlCapabilities: Capabilities = {
  kind: 'sql',
  // KILL QUERY from a second session.
  cancel: true,
  transactions: true,
  explain: true,
  // Every database is a tree node; in MySQL a schema is a database, so there is no level below it.
  databases: true,
  schemas: false,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: true,
  ssl: true,
};

export const mysqlDialect: Dialect = {
  engine: 'mysql',
  capabilities: mysqlCapabilities,
  createDriver: (config) => new MysqlDriver(config),
};
