/** What a CSV text looks like, for header detection and type checks. */

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|t|f|yes|no|y|n|on|off|0|1)$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

export const isInteger = (text: string) => INTEGER.test(text.trim());
export const isDecimal = (text: string) => DECIMAL.test(text.trim());
export const isBoolean = (text: string) => BOOLEAN.test(text.trim());
export const isTime = (text: string) => TIME.test(text.trim());

/** A calendar date that exists (2024-02-30 does not). */
export function isDate(text: string): boolean {
  const trimmed = text.trim();
  return DATE.test(trimmed) && isRealDay(trimmed.slice(0, 10));
}

export function isTimestamp(text: string): boolean {
  const trimmed = text.trim();
  return (TIMESTAMP.test(trimmed) && isRealDay(trimmed.slice(0, 10))) || isDate(trimmed);
}

function isRealDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Data rather than a name: a number, a date or time, or a boolean word. */
export function looksLikeData(text: string): boolean {
  return isDecimal(text) || isTimestamp(text) || isTime(text) || /^(true|false)$/i.test(text.trim());
}
