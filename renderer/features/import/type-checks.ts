import type { ColumnInfo } from '../../../shared/model/schema';
import type { ColumnMapping } from './column-mapping';
import { isBoolean, isDate, isDecimal, isInteger, isTime, isTimestamp } from './value-shapes';

export type ValueKind = 'integer' | 'decimal' | 'boolean' | 'date' | 'time' | 'timestamp' | 'other';

/** The kind of values a column takes, from its declared type in any of the three dialects. */
export function valueKindOf(dataType: string): ValueKind {
  const type = dataType.toLowerCase().trim();
  if (/^(tinyint\(1\)|bool\b|boolean\b)/.test(type)) return 'boolean';
  if (/\b(int|integer|smallint|bigint|tinyint|mediumint|serial|bigserial|smallserial|int2|int4|int8)\b/.test(type) || /^(tiny|small|medium|big)?int\b/.test(type)) return 'integer';
  if (/\b(numeric|decimal|real|double|float|float4|float8|money|dec)\b/.test(type)) return 'decimal';
  if (/^timestamp|^datetime/.test(type)) return 'timestamp';
  if (/^date\b/.test(type)) return 'date';
  if (/^time\b/.test(type)) return 'time';
  return 'other';
}

const KIND_CHECKS: Record<Exclude<ValueKind, 'other'>, [(text: string) => boolean, string]> = {
  integer: [isInteger, 'is not a whole number'],
  decimal: [isDecimal, 'is not a number'],
  boolean: [isBoolean, 'is not a boolean (true/false, t/f, yes/no, 1/0)'],
  date: [isDate, 'is not a date (YYYY-MM-DD)'],
  time: [isTime, 'is not a time (HH:MM[:SS])'],
  timestamp: [isTimestamp, 'is not a date and time (YYYY-MM-DD HH:MM:SS)'],
};

/** Why `value` will not fit `column`, or null when it looks fine. The server has the last word. */
export function valueProblem(column: ColumnInfo, value: string | null): string | null {
  if (value === null) {
    return column.nullable ? null : `${column.name} cannot be empty (NOT NULL)`;
  }
  const kind = valueKindOf(column.dataType);
  if (kind === 'other') return null;
  const [fits, problem] = KIND_CHECKS[kind];
  return fits(value) ? null : `${column.name}: "${clip(value)}" ${problem}`;
}

export interface PreviewProblem {
  line: number;
  /** The CSV column index. */
  csvColumn: number;
  message: string;
}

export interface NumberedValues {
  line: number;
  /** The record's fields, by CSV column. */
  fields: readonly string[];
}

/** Every problem in the previewed records under the current mapping and empty-field choice. */
export function previewProblems(
  records: readonly NumberedValues[],
  mapping: ColumnMapping,
  columns: readonly ColumnInfo[],
  emptyAsNull: boolean,
): PreviewProblem[] {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const problems: PreviewProblem[] = [];
  for (const record of records) {
    mapping.forEach((target, csvColumn) => {
      const column = target === null ? undefined : byName.get(target);
      if (!column) return;
      const field = record.fields[csvColumn] ?? '';
      const message = valueProblem(column, field === '' && emptyAsNull ? null : field);
      if (message) problems.push({ line: record.line, csvColumn, message });
    });
  }
  return problems;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
