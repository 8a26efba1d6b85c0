import { looksLikeData } from './value-shapes';

const NAME_LIKE = /^[\p{L}_][\p{L}\p{N}_ .$#()/-]{0,127}$/u;

/**
 * Whether the first record of a CSV is a header row rather than data: its fields are non-empty,
 * distinct and not numbers or dates, and either they name columns of the target table or a later row
 * holds data where the first row holds text, or (all text) each is shaped like a name.
 */
export function looksLikeHeader(records: readonly (readonly string[])[], tableColumns: readonly string[] = []): boolean {
  const [first, ...rest] = records;
  if (!first || first.length === 0) return false;
  const names = first.map((field) => field.trim());
  if (names.some((name) => name === '' || looksLikeData(name))) return false;
  if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) return false;
  const known = new Set(tableColumns.map((column) => column.toLowerCase()));
  if (names.some((name) => known.has(name.toLowerCase()))) return true;
  const dataBelow = rest.some((record) => record.some((field) => field.trim() !== '' && looksLikeData(field)));
  if (dataBelow) return true;
  return names.every((name) => NAME_LIKE.test(name));
}
