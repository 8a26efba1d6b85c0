import type { SqlDialect } from '../../../shared/export/serializer';
import type { Engine } from '../../../shared/model/connection';

/** The INSERT dialect of an engine, or null for engines that are not SQL. */
export function sqlDialectOf(engine: Engine | undefined): SqlDialect | null {
  return engine === 'postgres' || engine === 'mysql' || engine === 'sqlite' ? engine : null;
}
