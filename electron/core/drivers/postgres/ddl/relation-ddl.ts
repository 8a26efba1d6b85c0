/** Rebuilds CREATE statements of tables, views and materialized views from RELATION_DDL_QUERY's row. */

export interface DdlColumn {
  /** Quoted where PostgreSQL needs it, like every name here. */
  name: string;
  type: string;
  /** " COLLATE …" or ''. */
  collate: string;
  notNull: boolean;
  default: string | null;
  /** pg_attribute.attidentity: 'a' always, 'd' by default. */
  identity: 'a' | 'd' | null;
  identityOptions: string | null;
  /** pg_attribute.attgenerated: 's' stored. */
  generated: 's' | null;
  /** The comment as a SQL literal. */
  comment: string | null;
}

export interface DdlPolicy {
  name: string;
  permissive: boolean;
  /** pg_policy.polcmd: r, a, w, d or * for all. */
  command: string;
  roles: string[];
  using: string | null;
  check: string | null;
}

export interface RelationDdlRow {
  qualified_name: string;
  relkind: string;
  unlogged: boolean;
  options: string | null;
  row_security: boolean;
  force_row_security: boolean;
  populated: boolean;
  partition_key: string | null;
  partition_of: string | null;
  partition_bound: string | null;
  view_definition: string | null;
  comment: string | null;
  columns: DdlColumn[];
  constraints: { name: string; definition: string }[];
  indexes: string[];
  triggers: string[];
  policies: DdlPolicy[];
  owned_sequences: { create: string; ownedBy: string }[];
}

const POLICY_COMMANDS: Readonly<Record<string, string>> = { r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE', '*': 'ALL' };

export function relationDdl(row: RelationDdlRow): string {
  if (row.relkind === 'v' || row.relkind === 'm') return viewDdl(row);
  return tableDdl(row);
}

function tableDdl(row: RelationDdlRow): string {
  const name = row.qualified_name;
  const sections = [
    row.owned_sequences.map((sequence) => sequence.create),
    [createTable(row)],
    row.owned_sequences.map((sequence) => sequence.ownedBy),
    row.indexes,
    comments(row, 'TABLE'),
    [
      ...(row.row_security ? [`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`] : []),
      ...(row.force_row_security ? [`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`] : []),
      ...row.policies.map((policy) => policyDdl(policy, name)),
    ],
    row.triggers,
  ];
  return joinSections(sections);
}

function createTable(row: RelationDdlRow): string {
  const head = `CREATE ${row.unlogged ? 'UNLOGGED ' : ''}TABLE ${row.qualified_name}`;
  const withOptions = row.options ? ` WITH (${row.options})` : '';
  if (row.partition_of !== null) {
    return `${head} PARTITION OF ${row.partition_of}\n  ${row.partition_bound ?? 'DEFAULT'}${withOptions};`;
  }
  const lines = [
    ...row.columns.map((column) => columnDefinition(column)),
    ...row.constraints.map((constraint) => `CONSTRAINT ${constraint.name} ${constraint.definition}`),
  ];
  const body = lines.length === 0 ? '()' : `(\n${lines.map((line) => `  ${line}`).join(',\n')}\n)`;
  const partitioning = row.partition_key ? ` PARTITION BY ${row.partition_key}` : '';
  return `${head} ${body}${partitioning}${withOptions};`;
}

/** A column as CREATE TABLE and ALTER TABLE … ADD COLUMN write it. */
export function columnDefinition(column: DdlColumn): string {
  let definition = `${column.name} ${column.type}${column.collate}`;
  if (column.generated === 's' && column.default !== null) definition += ` GENERATED ALWAYS AS (${column.default}) STORED`;
  else if (column.identity !== null) {
    const options = column.identityOptions ? ` (${column.identityOptions})` : '';
    definition += ` GENERATED ${column.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options}`;
  } else if (column.default !== null) definition += ` DEFAULT ${column.default}`;
  if (column.notNull) definition += ' NOT NULL';
  return definition;
}

export function columnComment(relationName: string, column: DdlColumn): string[] {
  return column.comment === null ? [] : [`COMMENT ON COLUMN ${relationName}.${column.name} IS ${column.comment};`];
}

function viewDdl(row: RelationDdlRow): string {
  const materialized = row.relkind === 'm';
  const withOptions = row.options ? ` WITH (${row.options})` : '';
  const query = (row.view_definition ?? '').trim().replace(/;$/, '');
  const create = materialized
    ? `CREATE MATERIALIZED VIEW ${row.qualified_name}${withOptions} AS\n${query}\nWITH ${row.populated ? '' : 'NO '}DATA;`
    : `CREATE OR REPLACE VIEW ${row.qualified_name}${withOptions} AS\n${query};`;
  return joinSections([[create], row.indexes, comments(row, materialized ? 'MATERIALIZED VIEW' : 'VIEW'), row.triggers]);
}

function comments(row: RelationDdlRow, what: string): string[] {
  const own = row.comment === null ? [] : [`COMMENT ON ${what} ${row.qualified_name} IS ${row.comment};`];
  return [...own, ...row.columns.flatMap((column) => columnComment(row.qualified_name, column))];
}

export function policyDdl(policy: DdlPolicy, tableName: string): string {
  const parts = [`CREATE POLICY ${policy.name} ON ${tableName}`];
  if (!policy.permissive) parts.push('AS RESTRICTIVE');
  parts.push(`FOR ${POLICY_COMMANDS[policy.command] ?? 'ALL'}`);
  parts.push(`TO ${policy.roles.length === 0 ? 'PUBLIC' : policy.roles.join(', ')}`);
  if (policy.using !== null) parts.push(`USING (${policy.using})`);
  if (policy.check !== null) parts.push(`WITH CHECK (${policy.check})`);
  return `${parts.join('\n  ')};`;
}

/** Statements grouped in sections, a blank line between non-empty sections. */
export function joinSections(sections: string[][]): string {
  return sections
    .filter((section) => section.length > 0)
    .map((section) => section.join('\n'))
    .join('\n\n');
}
