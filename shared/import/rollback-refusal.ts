import type { PathSegment, StorageEngineInfo } from '../model/schema';
import { qualifiedName } from '../sql/quote';

/**
 * Why rows cannot be imported into the MySQL table at `tablePath` when its storage engine cannot roll
 * back (MyISAM, Aria, MEMORY, CSV…); null when it can, or when tables there have no storage engine. An
 * import promises that a failed row leaves the table as it was; on such an engine earlier rows would stay.
 */
export function rollbackRefusal(tablePath: readonly PathSegment[], storageEngine: StorageEngineInfo | undefined): string | null {
  if (!storageEngine || storageEngine.transactional) return null;
  const names = tablePath.filter((segment) => segment.kind === 'database' || segment.kind === 'table').map((segment) => segment.name);
  const table = qualifiedName('mysql', names);
  return (
    `The table ${table} uses the ${storageEngine.name} storage engine, which cannot roll back: if a row failed, ` +
    'the rows imported before it would stay in the table. Convert the table first ' +
    `(ALTER TABLE ${table} ENGINE=InnoDB), or import into an InnoDB table.`
  );
}
