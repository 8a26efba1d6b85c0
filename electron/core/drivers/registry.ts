import type { Engine } from '../../../shared/model/connection';
import { CoreError } from '../errors';
import { mysqlDialect } from './mysql/dialect';
import { postgresDialect } from './postgres/dialect';
import { createSqliteDialect } from './sqlite/dialect';
import type { Dialect } from './types';

export interface DriverRegistryOptions {
  sqliteWorkerPath: string;
  sqliteNativeBinding?: string;
}

export interface DriverRegistry {
  /** The engine's dialect; UNSUPPORTED for engines whose driver is not built yet. */
  dialectFor(engine: Engine): Dialect;
}

const ENGINE_NAMES: Record<Engine, string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
  mysql: 'MySQL/MariaDB',
  mongodb: 'MongoDB',
  redis: 'Redis',
};

export function createDriverRegistry(options: DriverRegistryOptions): DriverRegistry {
  const dialects = new Map<Engine, Dialect>([
    ['postgres', postgresDialect],
    ['mysql', mysqlDialect],
    ['sqlite', createSqliteDialect({ workerPath: options.sqliteWorkerPath, nativeBinding: options.sqliteNativeBinding })],
  ]);
  return {
    dialectFor(engine) {
      const dialect = dialects.get(engine);
      if (!dialect) {
        throw new CoreError(
          'UNSUPPORTED',
          `${ENGINE_NAMES[engine]} support is coming in a later version. You can save this connection now and open it once it arrives.`,
        );
      }
      return dialect;
    },
  };
}
