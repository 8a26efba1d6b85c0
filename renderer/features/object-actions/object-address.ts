import type { Capabilities } from '../../../shared/model/capabilities';
import type { Engine } from '../../../shared/model/connection';
import type { PathSegment, SchemaNodeKind } from '../../../shared/model/schema';

const RELATION_KINDS: readonly SchemaNodeKind[] = ['table', 'view', 'materialized-view'];

/** Where an object lives, in the terms SQL names it by. */
export interface ObjectAddress {
  kind: SchemaNodeKind;
  /** The object's own name; for a PostgreSQL routine without its argument list. */
  name: string;
  /**
   * What qualifies the object's name on this connection: its schema where the engine has schemas
   * (PostgreSQL), its database where databases act as schemas (MySQL), nothing in SQLite.
   */
  container: string[];
  /** The table (or view) an index, trigger, constraint, foreign key, policy or column belongs to. */
  table: string | null;
  /** A PostgreSQL routine's identity arguments as SQL text (`customer bigint`), else null. */
  routineArguments: string | null;
  /** The node's secondary text as the tree shows it. */
  detail: string | null;
  /** A foreign key of another table listed under the table it points at: it is not this table's to drop. */
  incoming: boolean;
}

/** PostgreSQL lists incoming foreign keys in this group; MySQL lists them among the table's own, so marked. */
const REFERENCED_BY_GROUP = 'referenced-by';
const INCOMING_DETAIL_PREFIX = 'referenced by ';

/**
 * Splits `name(arguments)` at the parenthesis that opens the final, balanced argument list. PostgreSQL
 * routine nodes are named so (overloads share a name); the arguments are SQL already quoted by the
 * server, while the name before them is the raw name and may itself hold parentheses.
 */
export function splitRoutineName(text: string): { name: string; routineArguments: string } | null {
  if (!text.endsWith(')')) return null;
  let depth = 0;
  let inQuotes = false;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (char === ')') depth++;
    else if (char === '(' && --depth === 0) {
      return i === 0 ? null : { name: text.slice(0, i), routineArguments: text.slice(i + 1, -1) };
    }
  }
  return null;
}

function isRoutine(kind: SchemaNodeKind): boolean {
  return kind === 'function' || kind === 'procedure';
}

export function objectAddress(path: readonly PathSegment[], detail: string | null, capabilities: Capabilities, engine: Engine): ObjectAddress {
  const target = path.at(-1);
  if (!target) throw new Error('An object address needs a path with at least one segment.');
  const above = path.slice(0, -1);
  const container = above.flatMap((segment) => {
    if (segment.kind === 'schema' && capabilities.schemas) return [segment.name];
    if (segment.kind === 'database' && capabilities.databases && !capabilities.schemas) return [segment.name];
    return [];
  });
  const table = [...above].reverse().find((segment) => RELATION_KINDS.includes(segment.kind))?.name ?? null;
  const parent = above.at(-1);
  const incoming =
    target.kind === 'foreign-key' &&
    ((parent?.kind === 'group' && parent.name === REFERENCED_BY_GROUP) || (detail ?? '').startsWith(INCOMING_DETAIL_PREFIX));
  const split = engine === 'postgres' && isRoutine(target.kind) ? splitRoutineName(target.name) : null;
  return {
    kind: target.kind,
    name: split?.name ?? target.name,
    container,
    table,
    routineArguments: split?.routineArguments ?? null,
    detail,
    incoming,
  };
}

/** The name parts of the object itself (container, then name), for tables, views, routines and the like. */
export function ownNameParts(address: ObjectAddress): string[] {
  return [...address.container, address.name];
}

/** The name parts of the table an object belongs to, or null when it belongs to none. */
export function tableNameParts(address: ObjectAddress): string[] | null {
  return address.table === null ? null : [...address.container, address.table];
}
