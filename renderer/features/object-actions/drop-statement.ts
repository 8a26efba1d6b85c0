import type { Engine } from '../../../shared/model/connection';
import type { SchemaNodeKind } from '../../../shared/model/schema';
import { qualifiedName, quoteIdentifier } from '../../../shared/sql/quote';
import { ownNameParts, tableNameParts, type ObjectAddress } from './object-address';

/** The kinds the tree offers to drop; databases, schemas, columns and roles are never dropped from here. */
export const DROPPABLE_KINDS: readonly SchemaNodeKind[] = [
  'table',
  'view',
  'materialized-view',
  'index',
  'trigger',
  'sequence',
  'function',
  'procedure',
  'type',
  'constraint',
  'foreign-key',
  'policy',
  'extension',
  'event',
];

/** Kinds whose PostgreSQL DROP accepts CASCADE: all but policies (and events, which PostgreSQL has none of). */
const POSTGRES_CASCADE_KINDS: readonly SchemaNodeKind[] = DROPPABLE_KINDS.filter((kind) => kind !== 'policy' && kind !== 'event');

export type DropPlan =
  | { kind: 'drop'; sql: string; /** The engine accepts CASCADE for this object. */ cascadable: boolean }
  | { kind: 'unsupported'; reason: string };

export function isDroppable(kind: SchemaNodeKind): boolean {
  return DROPPABLE_KINDS.includes(kind);
}

/** MySQL lists procedures in their own group, as function nodes marked 'procedure' until they get a kind. */
function isProcedure(address: ObjectAddress): boolean {
  return address.kind === 'procedure' || (address.kind === 'function' && address.detail === 'procedure');
}

const KIND_WORDS: Partial<Record<SchemaNodeKind, string>> = {
  'materialized-view': 'materialized view',
  'foreign-key': 'foreign key',
};

export function kindWord(kind: SchemaNodeKind): string {
  return KIND_WORDS[kind] ?? kind;
}

const ENGINE_NAMES: Partial<Record<Engine, string>> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', sqlite: 'SQLite' };

function unsupported(engine: Engine, address: ObjectAddress, why: string): DropPlan {
  return { kind: 'unsupported', reason: `${ENGINE_NAMES[engine] ?? engine} cannot drop this ${kindWord(address.kind)} here: ${why}` };
}

/** The statement without CASCADE, or why there is none. */
function baseStatement(engine: Engine, address: ObjectAddress): string | DropPlan {
  const q = (parts: string[]) => qualifiedName(engine, parts);
  const own = q(ownNameParts(address));
  const bare = quoteIdentifier(engine, address.name);
  const tableParts = tableNameParts(address);
  const onTable = (statement: string): string | DropPlan =>
    tableParts ? `${statement} ON ${q(tableParts)}` : unsupported(engine, address, 'the tree does not say which table it belongs to.');
  const alterTable = (clause: string): string | DropPlan =>
    tableParts ? `ALTER TABLE ${q(tableParts)} ${clause}` : unsupported(engine, address, 'the tree does not say which table it belongs to.');

  switch (address.kind) {
    case 'table':
      return `DROP TABLE ${own}`;
    case 'view':
      return `DROP VIEW ${own}`;
    case 'materialized-view':
      return engine === 'postgres' ? `DROP MATERIALIZED VIEW ${own}` : unsupported(engine, address, 'the engine has no materialized views.');
    case 'sequence':
      return engine === 'sqlite' ? unsupported(engine, address, 'SQLite has no sequences.') : `DROP SEQUENCE ${own}`;
    case 'index':
      // PostgreSQL indexes live in the schema; MySQL's belong to their table; SQLite has one namespace.
      return engine === 'mysql' ? onTable(`DROP INDEX ${bare}`) : `DROP INDEX ${own}`;
    case 'trigger':
      return engine === 'postgres' ? onTable(`DROP TRIGGER ${bare}`) : `DROP TRIGGER ${own}`;
    case 'policy':
      return engine === 'postgres' ? onTable(`DROP POLICY ${bare}`) : unsupported(engine, address, 'row-level security policies are PostgreSQL only.');
    case 'extension':
      return engine === 'postgres' ? `DROP EXTENSION ${bare}` : unsupported(engine, address, 'extensions are PostgreSQL only.');
    case 'type':
      return engine === 'postgres' ? `DROP TYPE ${own}` : unsupported(engine, address, 'the engine has no user-defined types.');
    case 'event':
      return engine === 'mysql' ? `DROP EVENT ${own}` : unsupported(engine, address, 'scheduled events are MySQL/MariaDB only.');
    case 'function':
    case 'procedure': {
      if (engine === 'sqlite') return unsupported(engine, address, 'SQLite has no stored routines.');
      const word = isProcedure(address) ? 'PROCEDURE' : 'FUNCTION';
      const argumentList = engine === 'postgres' && address.routineArguments !== null ? `(${address.routineArguments})` : '';
      return `DROP ${word} ${own}${argumentList}`;
    }
    case 'foreign-key':
      if (address.incoming) return unsupported(engine, address, 'it belongs to the table that references this one; drop it from that table.');
      if (engine === 'sqlite') return unsupported(engine, address, 'SQLite can only remove a foreign key by rebuilding the table.');
      return alterTable(engine === 'mysql' ? `DROP FOREIGN KEY ${bare}` : `DROP CONSTRAINT ${bare}`);
    case 'constraint':
      if (engine === 'sqlite') return unsupported(engine, address, 'SQLite can only remove a constraint by rebuilding the table.');
      if (engine === 'mysql' && address.name === 'PRIMARY') return alterTable('DROP PRIMARY KEY');
      return alterTable(`DROP CONSTRAINT ${bare}`);
    default:
      return unsupported(engine, address, 'it is not something the schema tree drops.');
  }
}

/**
 * The exact statement that drops the object, per dialect, with CASCADE when asked for and the engine
 * has it (PostgreSQL; MySQL parses CASCADE but ignores it, so it is never offered there).
 */
export function dropStatement(engine: Engine, address: ObjectAddress, cascade: boolean): DropPlan {
  const base = baseStatement(engine, address);
  if (typeof base !== 'string') return base;
  const cascadable = engine === 'postgres' && POSTGRES_CASCADE_KINDS.includes(address.kind);
  return { kind: 'drop', sql: cascade && cascadable ? `${base} CASCADE` : base, cascadable };
}
