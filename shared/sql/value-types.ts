import { parseBitInput } from './bit-columns';
import { hexToBytes, parseHexInput } from './hex-bytes';
import type { BoundValue, FilterOperator, TableColumn } from './table-query';

/** How a column's values are typed and bound: as text, as bytes written in hex, or as a MySQL BIT(width)'s number. */
export type ValueType = { kind: 'text' } | { kind: 'bytes' } | { kind: 'bits'; width: number };

export const TEXT_VALUES: ValueType = { kind: 'text' };

/** Operators that match part of a value's text rather than compare the value. */
export const PATTERN_OPERATORS: readonly FilterOperator[] = ['contains', 'starts with'];

/** A column's value type from what the table view knows of it. */
export function columnValueType(column: Pick<TableColumn, 'binary' | 'bitWidth'>): ValueType {
  if (column.binary) return { kind: 'bytes' };
  if (column.bitWidth !== undefined) return { kind: 'bits', width: column.bitWidth };
  return TEXT_VALUES;
}

export type FilterValue = { ok: true; value: BoundValue } | { ok: false; message: string };

/**
 * A filter's typed value as it is bound: bytes for a binary column (typed as hex, also to match part of
 * the bytes), the number for a BIT column compared with an operator (a pattern matches its digits), text
 * otherwise. Input that is not hex, or not a number that fits, is refused with why.
 */
export function filterValue(type: ValueType, operator: FilterOperator, text: string): FilterValue {
  if (type.kind === 'bytes') {
    const parsed = parseHexInput(text);
    return parsed.ok ? { ok: true, value: hexToBytes(parsed.hex) } : parsed;
  }
  if (type.kind === 'bits' && !PATTERN_OPERATORS.includes(operator)) return parseBitInput(text, type.width);
  return { ok: true, value: text };
}
