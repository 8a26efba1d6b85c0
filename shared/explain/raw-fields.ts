import { PlanFormatError, type RawField } from './plan';

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as the details pane shows it: scalars as text, lists joined, objects as compact JSON. */
export function rawValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => !isObject(item) && !Array.isArray(item))) return value.map(rawValue).join(', ');
  return JSON.stringify(value);
}

/**
 * The fields of an engine's node as text, in the engine's order. Keys in `skip` are left out; objects
 * named in `flatten` become one field per member ("cost_info.read_cost").
 */
export function rawFields(object: JsonObject, skip: ReadonlySet<string> = new Set(), flatten: ReadonlySet<string> = new Set()): RawField[] {
  const fields: RawField[] = [];
  for (const [name, value] of Object.entries(object)) {
    if (skip.has(name)) continue;
    if (flatten.has(name) && isObject(value)) {
      for (const [member, inner] of Object.entries(value)) fields.push({ name: `${name}.${member}`, value: rawValue(inner) });
    } else {
      fields.push({ name, value: rawValue(value) });
    }
  }
  return fields;
}

/** A finite number from a JSON number or numeric string ("100.00"), else undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) return Number(value);
  return undefined;
}

export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return rawValue(value);
  return undefined;
}

/** Sums the defined numbers; undefined when none is. */
export function sumDefined(...values: (number | undefined)[]): number | undefined {
  const defined = values.filter((value): value is number => value !== undefined);
  return defined.length === 0 ? undefined : defined.reduce((sum, value) => sum + value, 0);
}

/** Parses the JSON an engine printed; PlanFormatError when it is not JSON. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PlanFormatError(`The ${what} output is not valid JSON.`);
  }
}
