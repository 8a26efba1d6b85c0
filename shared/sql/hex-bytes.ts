import type { SqlEngine } from './table-query';

/** Hex digits two per byte, either case, as a binary value travels to main (no prefix, no spaces). */
export const HEX_DIGITS = /^(?:[0-9a-fA-F]{2})*$/;

const NIBBLE = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) {
  NIBBLE['0123456789abcdef'.charCodeAt(digit)] = digit;
  NIBBLE['0123456789ABCDEF'.charCodeAt(digit)] = digit;
}
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export type HexInput = { ok: true; hex: string } | { ok: false; message: string };

const HEX_HELP = 'Type the bytes as hex: two digits 0-9 or a-f per byte, optionally after 0x or \\x.';

/**
 * What the user typed into a binary cell, as lowercase hex digits: a `0x` or `\x` prefix, either
 * case and whitespace between digits are allowed; anything else is refused with what is wrong.
 */
export function parseHexInput(text: string): HexInput {
  const trimmed = text.trim();
  const body = /^(?:0x|\\x)/i.test(trimmed) ? trimmed.slice(2) : trimmed;
  const digits = body.replace(/\s+/g, '');
  const bad = /[^0-9a-fA-F]/u.exec(digits)?.[0];
  if (bad !== undefined) {
    const shown = bad < ' ' || bad === '\x7f' ? `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : `"${bad}"`;
    return { ok: false, message: `${shown} is not a hex digit. ${HEX_HELP}` };
  }
  if (digits.length % 2 !== 0) return { ok: false, message: `The value has ${digits.length} hex digits, an odd number: each byte takes two. ${HEX_HELP}` };
  return { ok: true, hex: digits.toLowerCase() };
}

/** The bytes of hex digits (two per byte, no prefix); a RangeError for anything else. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new RangeError('A hex value needs two digits per byte.');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const high = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const low = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (high < 0 || low < 0) throw new RangeError(`"${hex.slice(2 * i, 2 * i + 2)}" is not a hex byte.`);
    bytes[i] = (high << 4) | low;
  }
  return bytes;
}

/** Lowercase hex digits of bytes, no prefix. */
export function bytesToHexDigits(bytes: Uint8Array): string {
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i]];
  return parts.join('');
}

/**
 * Bytes as the dialect writes a binary literal (`'\x..'::bytea`, `X'..'`), for showing bound values.
 * Longer values show their first `maxBytes` and their length.
 */
export function binaryLiteral(engine: SqlEngine, bytes: Uint8Array, maxBytes = Infinity): string {
  const clipped = bytes.length > maxBytes;
  const digits = bytesToHexDigits(clipped ? bytes.subarray(0, maxBytes) : bytes) + (clipped ? '…' : '');
  const literal = engine === 'postgres' ? `'\\x${digits}'::bytea` : `X'${digits}'`;
  return clipped ? `${literal} (${bytes.length.toLocaleString('en-US')} bytes)` : literal;
}
