import type { ConnectionProfile } from '../../../shared/model/connection';
import type { PathSegment } from '../../../shared/model/schema';
import { qualifiedName } from '../../../shared/sql/quote';
import { CoreError } from '../errors';

const DEFAULT_POSTGRES_DATABASE = 'postgres';

/**
 * The quoted, qualified name of the table a schema-tree path points at, for the profile's session:
 * "schema"."table" (PostgreSQL), `database`.`table` (MySQL), "table" (SQLite). A PostgreSQL session
 * is bound to the profile's database, so a table of another database is refused with a reason.
 */
export function importTableName(profile: ConnectionProfile, path: readonly PathSegment[]): string {
  const table = path.at(-1);
  if (!table || table.kind !== 'table') {
    throw new CoreError('INVALID_INPUT', 'Rows can be imported into a table only; pick a table in the schema tree.');
  }
  const named = (kind: PathSegment['kind']) => path.find((segment) => segment.kind === kind)?.name;
  switch (profile.engine) {
    case 'postgres': {
      const database = named('database');
      const ownDatabase = profile.database || DEFAULT_POSTGRES_DATABASE;
      if (database !== undefined && database !== ownDatabase) {
        throw new CoreError(
          'UNSUPPORTED',
          `This connection's sessions use the database "${ownDatabase}", so Strata cannot import into a table of "${database}". Open a connection to "${database}" to import there.`,
        );
      }
      const schema = named('schema');
      return qualifiedName('postgres', schema === undefined ? [table.name] : [schema, table.name]);
    }
    case 'mysql': {
      const database = named('database');
      return qualifiedName('mysql', database === undefined ? [table.name] : [database, table.name]);
    }
    case 'sqlite':
      return qualifiedName('sqlite', [table.name]);
    default:
      throw new CoreError('UNSUPPORTED', `CSV import works on SQL databases only; "${profile.name}" is not one.`);
  }
}
