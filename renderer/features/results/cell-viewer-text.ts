import type { Cell, ValueCategory } from '../../../shared/model/query';

const HEX_BYTES_PER_LINE = 16;
/** Binary values longer than this many bytes are shown up to it in the hex dump. */
export const HEX_DUMP_LIMIT_BYTES = 1024 * 1024;

export interface ViewerText {
  text: string;
  /** How the text was produced, shown as a small label in the viewer. */
  format: 'null' | 'json' | 'hex' | 'text';
  /** The hex dump stops before the end of the value. */
  truncated: boolean;
}

/**
 * The full value as the cell viewer shows it: JSON pretty-printed when it parses (also a text value that
 * holds a JSON object or array, as SQLite's JSON functions return), binary as a hex dump.
 */
export function viewerText(value: Cell, category: ValueCategory): ViewerText {
  if (value === null) return { text: 'NULL', format: 'null', truncated: false };
  if (category === 'json' || (category === 'text' && /^\s*[[{]/.test(value))) {
    const pretty = prettyJson(value);
    if (pretty !== null) return { text: pretty, format: 'json', truncated: false };
  }
  if (category === 'binary' && /^\\x[0-9a-fA-F]*$/.test(value)) {
    const hex = value.slice(2);
    const limit = HEX_DUMP_LIMIT_BYTES * 2;
    return { text: hexDump(hex.slice(0, limit)), format: 'hex', truncated: hex.length > limit };
  }
  return { text: value, format: 'text', truncated: false };
}

const JSON_WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Valid JSON re-indented two spaces deep, or null. Strings and numbers are copied as written:
 * JSON.stringify(JSON.parse()) would round integers beyond 2^53 and drop duplicate keys.
 */
export function prettyJson(value: string): string | null {
  try {
    JSON.parse(value);
  } catch {
    return null;
  }
  let out = '';
  let depth = 0;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"') {
      let end = i + 1;
      while (value[end] !== '"') end += value[end] === '\\' ? 2 : 1;
      out += value.slice(i, end + 1);
      i = end;
    } else if (ch === '{' || ch === '[') {
      let next = i + 1;
      while (JSON_WHITESPACE.has(value[next])) next++;
      if (value[next] === '}' || value[next] === ']') {
        out += ch + value[next];
        i = next;
      } else {
        depth++;
        out += ch + newline();
      }
    } else if (ch === '}' || ch === ']') {
      depth--;
      out += newline() + ch;
    } else if (ch === ',') {
      out += `,${newline()}`;
    } else if (ch === ':') {
      out += ': ';
    } else if (!JSON_WHITESPACE.has(ch)) {
      out += ch;
    }
  }
  return out;
}

/** `00000000  de ad be ef …  ` lines of 16 bytes with their offset, from hex digits (no \x prefix). */
export function hexDump(hex: string): string {
  const lines: string[] = [];
  const bytes = Math.floor(hex.length / 2);
  for (let start = 0; start < bytes; start += HEX_BYTES_PER_LINE) {
    const parts: string[] = [];
    const end = Math.min(bytes, start + HEX_BYTES_PER_LINE);
    for (let b = start; b < end; b++) parts.push(hex.slice(b * 2, b * 2 + 2).toLowerCase());
    lines.push(`${start.toString(16).padStart(8, '0')}  ${parts.join(' ')}`);
  }
  return lines.join('\n');
}
