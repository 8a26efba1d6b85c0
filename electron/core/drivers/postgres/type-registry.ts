import type pg from 'pg';
import type { ColumnMeta } from '../../../../shared/model/query';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { TYPE_NAMES_QUERY } from './catalog-queries';
import { BUILTIN_TYPE_NAMES, typeCategory, unknownTypeName } from './type-names';

/**
 * Type OID → name for one database, read from pg_type the first time a column has a type that is not
 * built in (enums, domains, extension types), then cached. Until then, or when the catalog cannot be
 * read, the built-in names answer.
 */
export class TypeRegistry {
  private names: ReadonlyMap<number, string> = BUILTIN_TYPE_NAMES;
  private readonly triedOids = new Set<number>();
  private loading: Promise<void> | null = null;

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly onAppQuery?: AppQueryReporter,
  ) {}

  async describe(fields: readonly pg.FieldDef[]): Promise<ColumnMeta[]> {
    const missing = fields.map((field) => field.dataTypeID).filter((oid) => !this.names.has(oid) && !this.triedOids.has(oid));
    if (missing.length > 0) {
      for (const oid of missing) this.triedOids.add(oid);
      await this.reload();
    }
    return fields.map((field) => {
      const dataType = this.names.get(field.dataTypeID) ?? unknownTypeName(field.dataTypeID);
      return { name: field.name, dataType, category: typeCategory(dataType) };
    });
  }

  private reload(): Promise<void> {
    const pool = this.pool();
    // The session that asks holds its own client mid-statement, so the catalog is read on another
    // one; when every client is taken, waiting could deadlock, so the built-in names answer instead.
    const canReadNow = pool.idleCount > 0 || pool.totalCount < pool.options.max;
    if (!canReadNow) return Promise.resolve();
    this.loading ??= reportAppQuery(
      this.onAppQuery,
      'introspection',
      TYPE_NAMES_QUERY,
      () => pool.query<{ oid: string; name: string }>(TYPE_NAMES_QUERY),
      (result) => result.rows.length,
    )
      .then((result) => {
        this.names = new Map([...BUILTIN_TYPE_NAMES, ...result.rows.map((row) => [Number(row.oid), row.name] as const)]);
      })
      .catch(() => undefined)
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
