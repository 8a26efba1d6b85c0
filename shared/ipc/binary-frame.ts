import { decodeUtf8, encodeUtf8 } from '../result-batch/utf8';

/**
 * A WebSocket binary frame carrying one JSON message whose byte arrays travel raw:
 *
 *   u32 LE  header length H
 *   H bytes the message as JSON, each Uint8Array replaced by {"\u0000bytes":[offset,length]}
 *   padding to 8 bytes, then the arrays back to back (each 8-aligned), offsets relative to that point
 *
 * The receiver gets views into the frame's own buffer: no array is copied or parsed per value.
 */
const BYTES_KEY = '\u0000bytes';
const align8 = (n: number) => (n + 7) & ~7;

/**
 * The frame as the pieces it is made of — the header, then each array followed by any zero padding —
 * so that a sender can write them one after another without first copying them into one buffer.
 */
export function encodeBinaryFrameParts(message: unknown): Uint8Array[] {
  const arrays: Uint8Array[] = [];
  let bodyLength = 0;
  // The holder's own property, not `value`: JSON.stringify has already turned a Node Buffer into {type, data} by then.
  const json = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (!(original instanceof Uint8Array)) return value;
    const offset = bodyLength;
    arrays.push(original);
    bodyLength = align8(bodyLength + original.byteLength);
    return { [BYTES_KEY]: [offset, original.byteLength] };
  });
  const header = encodeUtf8(json);
  const head = new Uint8Array(align8(4 + header.length));
  new DataView(head.buffer).setUint32(0, header.length, true);
  head.set(header, 4);
  const parts: Uint8Array[] = [head];
  for (const array of arrays) {
    parts.push(array);
    const padding = align8(array.byteLength) - array.byteLength;
    if (padding > 0) parts.push(new Uint8Array(padding));
  }
  return parts;
}

/** The pieces of a frame joined into one buffer. */
export function joinFrameParts(parts: readonly Uint8Array[]): Uint8Array {
  const frame = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let position = 0;
  for (const part of parts) {
    frame.set(part, position);
    position += part.byteLength;
  }
  return frame;
}

export function encodeBinaryFrame(message: unknown): Uint8Array {
  return joinFrameParts(encodeBinaryFrameParts(message));
}

/** The message of a binary frame; throws on a frame that is cut short or malformed. */
export function decodeBinaryFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < 4) throw new RangeError('Binary frame too short.');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0, true);
  if (4 + headerLength > frame.byteLength) throw new RangeError('Binary frame header runs past its end.');
  const bodyStart = align8(4 + headerLength);
  return JSON.parse(decodeUtf8(frame.subarray(4, 4 + headerLength)), (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || !(BYTES_KEY in value)) return value;
    const [offset, length] = (value as Record<string, [number, number]>)[BYTES_KEY];
    const start = bodyStart + offset;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || start + length > frame.byteLength) {
      throw new RangeError('Binary frame array runs past its end.');
    }
    return frame.subarray(start, start + length);
  });
}
