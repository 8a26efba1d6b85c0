import type { ColumnInfo, ForeignKeyInfo, IndexInfo, PathSegment, TableDetail } from '../../../../shared/model/schema';

/** One row of TABLE_DETAIL_QUERY; the JSON columns arrive parsed. */
export interface TableDetailRow {
  relkind: string;
  columns: ColumnInfo[];
  indexes: IndexInfo[];
  foreign_keys: (Omit<ForeignKeyInfo, 'onUpdate' | 'onDelete'> & { onUpdate: string; onDelete: string })[];
}

/** pg_constraint.confupdtype / confdeltype letters. */
const REFERENTIAL_ACTIONS: Readonly<Record<string, string>> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

const KIND_BY_RELKIND: Readonly<Record<string, TableDetail['kind']>> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'materialized-view',
};

export function toTableDetail(row: TableDetailRow, path: PathSegment[]): TableDetail {
  return {
    path,
    kind: KIND_BY_RELKIND[row.relkind] ?? 'table',
    columns: row.columns,
    indexes: row.indexes,
    foreignKeys: row.foreign_keys.map((key) => ({
      ...key,
      onUpdate: REFERENTIAL_ACTIONS[key.onUpdate] ?? key.onUpdate,
      onDelete: REFERENTIAL_ACTIONS[key.onDelete] ?? key.onDelete,
    })),
  };
}
