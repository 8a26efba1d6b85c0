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

/** The full value as the cell viewer shows it: JSON pretty-printed when it parses, binary as a hex dump. */
export function viewerText(value: Cell, category: ValueCategory): ViewerText {
  if (value === null) return { text: 'NULL', format: 'null', truncated: false };
  if (category === 'json') {
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

export function prettyJson(value: string): string | null {
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return null;
  }
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
