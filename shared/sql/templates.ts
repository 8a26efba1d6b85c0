import type { Engine } from '../model/connection';
import { qualifiedName, quoteIdentifier } from './quote';

/** What a statement template needs to know about one column. */
export interface TemplateColumn {
  name: string;
  /** 1-based position in the primary key, or null. */
  primaryKeyPosition: number | null;
}

export type TemplateKind = 'select' | 'insert' | 'update' | 'delete';

/** The table a template is written for: its name parts (schema or database, then table) and columns. */
export interface TemplateTarget {
  engine: Engine;
  nameParts: string[];
  columns: readonly TemplateColumn[];
}

const PARAMETER_WORD = /[^A-Za-z0-9_]+/g;

/**
 * Hands out `:name` placeholders named after columns. Names that are not plain words are reduced to
 * their word characters (`order id` → `order_id`), and a name already given gets a number (`id_2`).
 */
function parameterNames(): (column: string) => string {
  const taken = new Set<string>();
  return (column) => {
    let base = column.replace(PARAMETER_WORD, '_').replace(/^_+|_+$/g, '').toLowerCase();
    if (base === '' || /^[0-9]/.test(base)) base = `p_${base}`.replace(/_$/, '');
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return `:${name}`;
  };
}

function keyColumns(columns: readonly TemplateColumn[]): TemplateColumn[] {
  return columns
    .filter((column) => column.primaryKeyPosition !== null)
    .sort((a, b) => (a.primaryKeyPosition as number) - (b.primaryKeyPosition as number));
}

/** The WHERE clause of UPDATE and DELETE: the primary key, or every column when the table has none. */
function whereClause(engine: Engine, columns: readonly TemplateColumn[], parameter: (column: string) => string): string[] {
  const keys = keyColumns(columns);
  const matched = keys.length > 0 ? keys : columns;
  const lines = matched.map((column, index) => `${index === 0 ? 'WHERE' : '  AND'} ${quoteIdentifier(engine, column.name)} = ${parameter(column.name)}`);
  return keys.length > 0 ? lines : ['-- The table has no primary key: this matches rows on every column.', ...lines];
}

function columnList(engine: Engine, columns: readonly TemplateColumn[]): string {
  return columns.map((column) => `  ${quoteIdentifier(engine, column.name)}`).join(',\n');
}

export function selectTemplate({ engine, nameParts, columns }: TemplateTarget): string {
  const list = columns.length > 0 ? `\n${columnList(engine, columns)}\n` : ' *\n';
  return `SELECT${list}FROM ${qualifiedName(engine, nameParts)};\n`;
}

export function insertTemplate({ engine, nameParts, columns }: TemplateTarget): string {
  const parameter = parameterNames();
  const values = columns.map((column) => `  ${parameter(column.name)}`).join(',\n');
  return `INSERT INTO ${qualifiedName(engine, nameParts)} (\n${columnList(engine, columns)}\n) VALUES (\n${values}\n);\n`;
}

export function updateTemplate({ engine, nameParts, columns }: TemplateTarget): string {
  const parameter = parameterNames();
  const keys = new Set(keyColumns(columns).map((column) => column.name));
  const nonKeys = columns.filter((column) => !keys.has(column.name));
  const assigned = nonKeys.length > 0 ? nonKeys : columns;
  const set = assigned.map((column, index) => `${index === 0 ? 'SET' : '   '} ${quoteIdentifier(engine, column.name)} = ${parameter(column.name)}`);
  return [`UPDATE ${qualifiedName(engine, nameParts)}`, set.join(',\n'), ...whereClause(engine, columns, parameter)].join('\n') + ';\n';
}

export function deleteTemplate({ engine, nameParts, columns }: TemplateTarget): string {
  const parameter = parameterNames();
  return [`DELETE FROM ${qualifiedName(engine, nameParts)}`, ...whereClause(engine, columns, parameter)].join('\n') + ';\n';
}

export function statementTemplate(kind: TemplateKind, target: TemplateTarget): string {
  switch (kind) {
    case 'select':
      return selectTemplate(target);
    case 'insert':
      return insertTemplate(target);
    case 'update':
      return updateTemplate(target);
    case 'delete':
      return deleteTemplate(target);
  }
}
