import type { SqlEngine } from './table-query';

/** MySQL's BIT(n) as information_schema's COLUMN_TYPE names it; a plain BIT is BIT(1). */
const MYSQL_BIT = /^bit(?:\s*\(\s*(\d+)\s*\))?$/i;

/**
 * The width of a MySQL BIT(n) column, whose values are unsigned numbers of n bits (shown, edited and
 * bound as such); null for any other type. PostgreSQL's bit(n) is a string of bits and stays text.
 */
export function bitWidth(engine: SqlEngine, dataType: string): number | null {
  if (engine !== 'mysql') return null;
  const match = MYSQL_BIT.exec(dataType.trim());
  if (!match) return null;
  return match[1] === undefined ? 1 : Number(match[1]);
}

export type BitInput = { ok: true; value: string } | { ok: false; message: string };

function largest(width: number): bigint {
  return (1n << BigInt(width)) - 1n;
}

function help(width: number): string {
  return `A BIT(${width}) value is a whole number from 0 to ${largest(width).toString()}, or its bits written b'0101'.`;
}

/**
 * What the user typed for a BIT(width) value, as the decimal digits it is bound as: a whole number, or
 * bits written b'0101' or 0b0101. Anything else, or a number wider than the column, is refused with why.
 */
export function parseBitInput(text: string, width: number): BitInput {
  const trimmed = text.trim();
  const bits = /^(?:b'([01]*)'|0b([01]+))$/i.exec(trimmed);
  let value: bigint;
  if (bits) value = BigInt(`0b${bits[1] || bits[2] || '0'}`);
  else if (/^\d+$/.test(trimmed)) value = BigInt(trimmed);
  else {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    return { ok: false, message: `"${shown}" is not a whole number. ${help(width)}` };
  }
  if (value > largest(width)) return { ok: false, message: `${value.toString()} does not fit in ${width} bit${width === 1 ? '' : 's'}. ${help(width)}` };
  return { ok: true, value: value.toString() };
}

/**
 * A placeholder whose text (decimal digits) a MySQL BIT column takes as a number: text assigned to BIT
 * would store the text's bytes, so '5' would become 0x35.
 */
export function bitPlaceholder(placeholder: string): string {
  return `CAST(${placeholder} AS UNSIGNED)`;
}
