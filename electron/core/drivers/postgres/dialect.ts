import type { Capabilities } from '../../../../shared/model/capabilities';
import type { Dialect } from '../types';
import { PostgresDriver } from './driver';

export const postgresCapabilities: Capabilities = {
  kind: 'sql',
  cancel: true,
  transactions: true,
  explain: true,
  databases: true,
  schemas: true,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: true,
  ssl: true,
};

export const postgresDialect: Dialect = {
  engine: 'postgres',
  capabilities: postgresCapabilities,
  createDriver: (config) => new PostgresDriver(config),
};
