const BACKSLASH = 0x5c;
const ZERO = 0x30;

/**
 * The bytes of a bytea value from its text output: '\x'-prefixed hex (bytea_output = hex, the
 * default) or the escape format, where printable ASCII stands for itself, '\\' for a backslash and
 * '\ooo' (three octal digits) for any other byte. An escape value never starts with '\x'.
 */
export function decodeByteaText(text: string): Uint8Array {
  if (text.charCodeAt(0) === BACKSLASH && text.charCodeAt(1) === 0x78) return Buffer.from(text.slice(2), 'hex');
  return decodeEscapeFormat(text);
}

function decodeEscapeFormat(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  let length = 0;
  let at = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code !== BACKSLASH) {
      bytes[length++] = code;
      at += 1;
    } else if (text.charCodeAt(at + 1) === BACKSLASH) {
      bytes[length++] = BACKSLASH;
      at += 2;
    } else {
      bytes[length++] = ((text.charCodeAt(at + 1) - ZERO) << 6) | ((text.charCodeAt(at + 2) - ZERO) << 3) | (text.charCodeAt(at + 3) - ZERO);
      at += 4;
    }
  }
  return bytes.subarray(0, length);
}
