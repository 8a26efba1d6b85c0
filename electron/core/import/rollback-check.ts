import type { Engine } from '../../../shared/model/connection';
import type { PathSegment } from '../../../shared/model/schema';
import { rollbackRefusal } from '../../../shared/import/rollback-refusal';
import type { SqlDriver } from '../drivers/types';
import { CoreError } from '../errors';

/**
 * Refuses, before any row is written, an import into a table whose storage engine cannot roll back.
 * Only MySQL tables have engines of their own; PostgreSQL and SQLite tables always roll back.
 */
export async function requireRollback(driver: SqlDriver, engine: Engine, tablePath: PathSegment[]): Promise<void> {
  if (engine !== 'mysql') return;
  const detail = await driver.createIntrospector().tableDetail(tablePath);
  const refusal = rollbackRefusal(tablePath, detail.storageEngine);
  if (refusal) throw new CoreError('UNSUPPORTED', refusal);
}
