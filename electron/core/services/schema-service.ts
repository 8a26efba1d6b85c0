import { toChildList, type PathSegment, type SchemaChildList, type TableDetail } from '../../../shared/model/schema';
import type { HandlerGroup } from '../host';
import type { Introspector } from '../drivers/types';
import type { OpenDriver } from './connection-service';

export interface SchemaServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
}

interface Entry {
  path: PathSegment[];
  read: Promise<SchemaChildList | TableDetail>;
}

/**
 * The schema tree and table details, read through the driver's Introspector and cached per connection
 * and path. A refresh re-reads the path and drops what is cached below it. Children go out (and are
 * cached) as columns without their paths: the caller knows the parent's.
 */
export class SchemaService {
  /** connection id → cache key → the pending or finished read. */
  private readonly caches = new Map<string, Map<string, Entry>>();

  constructor(private readonly options: SchemaServiceOptions) {}

  readonly handlers: HandlerGroup<'schema/children' | 'schema/table' | 'schema/ddl' | 'schema/search-path'> = {
    'schema/children': ({ connectionId, path, refresh }) =>
      this.cached(connectionId, 'children', path, refresh ?? false, async (introspector) => toChildList(await introspector.children(path))),
    'schema/table': ({ connectionId, path, refresh }) =>
      this.cached(connectionId, 'table', path, refresh ?? false, (introspector) => introspector.tableDetail(path)),
    // Never cached: the user asks for DDL to see the object as it is now.
    'schema/ddl': async ({ connectionId, path }) => {
      const { driver } = await this.options.openDriver(connectionId);
      return { ddl: await driver.createIntrospector().ddl(path) };
    },
    // Never cached: it is read once per completion catalog, and a role's or database's setting may change.
    'schema/search-path': async ({ connectionId }) => {
      const { driver } = await this.options.openDriver(connectionId);
      return { searchPath: await driver.createIntrospector().searchPath() };
    },
  };

  /** Forgets everything cached for the connection: it closed, changed settings or ran DDL. */
  invalidate(connectionId: string): void {
    this.caches.delete(connectionId);
  }

  private async cached<T extends SchemaChildList | TableDetail>(
    connectionId: string,
    kind: 'children' | 'table',
    path: PathSegment[],
    refresh: boolean,
    read: (introspector: Introspector) => Promise<T>,
  ): Promise<T> {
    const { driver } = await this.options.openDriver(connectionId);
    let cache = this.caches.get(connectionId);
    if (!cache) this.caches.set(connectionId, (cache = new Map()));
    const key = `${kind}:${pathKey(path)}`;
    if (refresh) dropSubtree(cache, path);
    const hit = cache.get(key);
    if (hit) return hit.read as Promise<T>;
    const pending = read(driver.createIntrospector());
    const entry = { path, read: pending };
    cache.set(key, entry);
    const owner = cache;
    // A failed read is not remembered: the next request tries again.
    pending.catch(() => {
      if (owner.get(key) === entry) owner.delete(key);
    });
    return pending;
  }
}

function pathKey(path: PathSegment[]): string {
  return JSON.stringify(path.map((segment) => [segment.kind, segment.name]));
}

/** Drops the entries for `path` and for every path below it. */
function dropSubtree(cache: Map<string, Entry>, path: PathSegment[]): void {
  for (const [key, entry] of cache) {
    const below = entry.path.length >= path.length && path.every((segment, index) => sameSegment(segment, entry.path[index]));
    if (below) cache.delete(key);
  }
}

function sameSegment(a: PathSegment, b: PathSegment): boolean {
  return a.kind === b.kind && a.name === b.name;
}
