import type { ColumnInfo, ForeignKeyInfo, IndexInfo } from '../../../../shared/model/schema';
import type { CatalogRow } from './worker-protocol';
import { tableClauses } from './table-sql';

export interface ColumnFacts extends ColumnInfo {
  /** 'VIRTUAL' or 'STORED' for a generated column. */
  generated: 'VIRTUAL' | 'STORED' | null;
}

export interface IndexFacts extends IndexInfo {
  /** How SQLite made it: 'c' CREATE INDEX, 'u' a UNIQUE constraint, 'pk' the primary key. */
  origin: string;
}

/** A foreign key of another table (`table`) into this one: its `columns` reference ours, `referencedColumns`. */
export interface IncomingKey {
  name: string;
  table: string;
  columns: string[];
  referencedColumns: string[];
  onUpdate: string;
  onDelete: string;
}

export interface ConstraintFacts {
  name: string;
  type: 'PRIMARY KEY' | 'UNIQUE' | 'CHECK';
  columns: string[];
  /** "UNIQUE (a, b)" or "CHECK (amount >= 0)". */
  definition: string;
}

export interface TriggerFacts {
  name: string;
  /** "BEFORE UPDATE". */
  timing: string;
}

export const text = (value: string | null | undefined): string => value ?? '';

/** Foreign keys have no names in SQLite: they are named <table>_<columns>_fkey, as PostgreSQL would. */
export const foreignKeyName = (table: string, columns: string[]) => `${table}_${columns.join('_')}_fkey`;

export function columnFacts(rows: CatalogRow[]): ColumnFacts[] {
  return rows.map((row) => {
    const primaryKeyPosition = Number(row.pk) > 0 ? Number(row.pk) : null;
    const hidden = Number(row.hidden);
    return {
      name: text(row.name),
      dataType: text(row.type),
      nullable: Number(row.notNullFlag) === 0 && primaryKeyPosition === null,
      defaultValue: row.defaultValue === null ? null : text(row.defaultValue),
      primaryKeyPosition,
      generated: hidden === 2 ? 'VIRTUAL' : hidden === 3 ? 'STORED' : null,
    };
  });
}

export function indexFacts(rows: CatalogRow[]): IndexFacts[] {
  const byName = new Map<string, IndexFacts>();
  for (const row of rows) {
    const name = text(row.indexName);
    let index = byName.get(name);
    if (!index) {
      index = {
        name,
        columns: [],
        unique: Number(row.isUnique) === 1,
        primary: row.origin === 'pk',
        definition: row.definition === null ? null : text(row.definition),
        origin: text(row.origin),
      };
      byName.set(name, index);
    }
    index.columns.push(indexColumnName(row));
  }
  return [...byName.values()];
}

function indexColumnName(row: CatalogRow): string {
  if (row.columnName !== null) return text(row.columnName);
  return Number(row.cid) === -1 ? 'rowid' : '(expression)';
}

/** Outgoing keys from FOREIGN_KEYS rows; `primaryKey` fills in REFERENCES t without columns. */
export async function foreignKeys(table: string, rows: CatalogRow[], primaryKey: (table: string) => Promise<string[]>): Promise<ForeignKeyInfo[]> {
  const keys: ForeignKeyInfo[] = [];
  for (const key of groupById(rows, (row) => String(row.id))) {
    const to = key.rows.map((row) => row.toColumn);
    keys.push({
      name: foreignKeyName(table, key.rows.map((row) => text(row.fromColumn))),
      columns: key.rows.map((row) => text(row.fromColumn)),
      referencedSchema: null,
      referencedTable: text(key.first.referencedTable),
      referencedColumns: to.every((column) => column !== null) ? (to as string[]) : await primaryKey(text(key.first.referencedTable)),
      onUpdate: text(key.first.onUpdate),
      onDelete: text(key.first.onDelete),
    });
  }
  return keys;
}

/** Incoming keys from REFERENCING_KEYS rows; `primaryKey` is this table's, for REFERENCES t without columns. */
export function incomingKeys(rows: CatalogRow[], primaryKey: string[]): IncomingKey[] {
  return groupById(rows, (row) => `${text(row.fromTable)}\u0000${text(row.id)}`).map(({ first, rows: parts }) => {
    const columns = parts.map((row) => text(row.fromColumn));
    const to = parts.map((row) => row.toColumn);
    return {
      name: foreignKeyName(text(first.fromTable), columns),
      table: text(first.fromTable),
      columns,
      referencedColumns: to.every((column) => column !== null) ? (to as string[]) : primaryKey,
      onUpdate: text(first.onUpdate),
      onDelete: text(first.onDelete),
    };
  });
}

/**
 * The primary key (<table>_pkey), UNIQUE constraints (from the autoindexes SQLite made for them, named as
 * written or <table>_<columns>_key) and CHECK constraints (named as written, or <table>_<column>_check /
 * <table>_check), named as PostgreSQL would name them.
 */
export function constraintFacts(table: string, createSql: string, columns: ColumnFacts[], indexes: IndexFacts[]): ConstraintFacts[] {
  const clauses = tableClauses(createSql);
  const taken = new Set<string>();
  const unique = (base: string) => {
    let name = base;
    for (let suffix = 1; taken.has(name); suffix++) name = `${base}${suffix}`;
    taken.add(name);
    return name;
  };
  const primaryKey = columns
    .filter((column) => column.primaryKeyPosition !== null)
    .sort((a, b) => (a.primaryKeyPosition ?? 0) - (b.primaryKeyPosition ?? 0))
    .map((column) => column.name);
  const keys: ConstraintFacts[] =
    primaryKey.length === 0 ? [] : [{ name: unique(`${table}_pkey`), type: 'PRIMARY KEY', columns: primaryKey, definition: `PRIMARY KEY (${primaryKey.join(', ')})` }];
  const uniques = indexes
    .filter((index) => index.origin === 'u')
    .map((index): ConstraintFacts => {
      const written = clauses.uniques.find((clause) => clause.name !== null && sameColumns(clause.columns, index.columns));
      const name = unique(written?.name ?? `${table}_${index.columns.join('_')}_key`);
      return { name, type: 'UNIQUE', columns: index.columns, definition: `UNIQUE (${index.columns.join(', ')})` };
    });
  const checks = clauses.checks.map((check): ConstraintFacts => {
    const name = unique(check.name ?? (check.column === null ? `${table}_check` : `${table}_${check.column}_check`));
    return { name, type: 'CHECK', columns: check.column === null ? [] : [check.column], definition: `CHECK (${check.expression})` };
  });
  return [...keys, ...uniques, ...checks];
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((column, index) => column.toLowerCase() === b[index].toLowerCase());
}

/** Rows grouped by key, the groups in the order of their first rows. */
function groupById(rows: CatalogRow[], keyOf: (row: CatalogRow) => string): { first: CatalogRow; rows: CatalogRow[] }[] {
  const groups = new Map<string, { first: CatalogRow; rows: CatalogRow[] }>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { first: row, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}
