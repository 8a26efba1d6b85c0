import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, encodeBinaryFrame } from '../../../shared/ipc/binary-frame';
import { encodeResultBatch, type ColumnInput } from '../../../shared/result-batch/encode';
import { BatchReader, batchRows, bytesToHex } from '../../../shared/result-batch/read';

const columns: ColumnInput[] = [
  { kind: 'text', values: ['plain', null, 'ünïcödé 😀', '', "it's \"quoted\"\u0000nul"] },
  { kind: 'int32', values: [0, -2147483648, null, 2147483647, 42] },
  { kind: 'int64', values: [9223372036854775807n, null, -9223372036854775808n, 0n, 1n] },
  { kind: 'float64', values: [1.5, null, -0.1, 1e300, Number.MIN_VALUE] },
  { kind: 'bool', values: [true, false, null, true, false] },
  { kind: 'bytes', values: [new Uint8Array([0, 255, 16]), null, new Uint8Array(0), new Uint8Array([0xde, 0xad]), null] },
  { kind: 'text', values: [null, null, null, null, null] },
];

describe('ResultBatch', () => {
  it('reads back every kind of value exactly, nulls included', () => {
    const batch = encodeResultBatch(columns, 5);
    expect(batchRows(batch)).toEqual([
      ['plain', '0', '9223372036854775807', '1.5', 'true', '\\x00ff10', null],
      [null, '-2147483648', null, null, 'false', null, null],
      ['ünïcödé 😀', null, '-9223372036854775808', '-0.1', null, '\\x', null],
      ['', '2147483647', '0', '1e+300', 'true', '\\xdead', null],
      ["it's \"quoted\"\u0000nul", '42', '1', '5e-324', 'false', null, null],
    ]);
    const reader = new BatchReader(batch);
    expect(reader.binary(0, 5)).toEqual(new Uint8Array([0, 255, 16]));
    expect(reader.binary(1, 5)).toBeNull();
    expect(reader.isNull(2, 2)).toBe(false);
    expect(reader.isNull(1, 2)).toBe(true);
  });

  it('keeps text byte-exact when only some of it is ASCII, and lone surrogates become U+FFFD', () => {
    const values = ['a', 'ß', 'x'.repeat(1000), '\ud800', '中文'];
    const batch = encodeResultBatch([{ kind: 'text', values }], values.length);
    expect(batchRows(batch).map((row) => row[0])).toEqual(['a', 'ß', 'x'.repeat(1000), '\ufffd', '中文']);
  });

  it('places several text columns in one section, ASCII and not, in any order', () => {
    const first = ['ascii', null, 'plain'];
    const second = ['ü', 'x', null];
    const third = ['more', 'text', 'here'];
    const batch = encodeResultBatch(
      [
        { kind: 'text', values: first },
        { kind: 'int32', values: [1, 2, 3] },
        { kind: 'text', values: second },
        { kind: 'text', values: third },
      ],
      3,
    );
    expect(batchRows(batch)).toEqual([
      ['ascii', '1', 'ü', 'more'],
      [null, '2', 'x', 'text'],
      ['plain', '3', null, 'here'],
    ]);
  });

  it('holds an empty batch and a batch with no columns', () => {
    expect(batchRows(encodeResultBatch([{ kind: 'text', values: [] }], 0))).toEqual([]);
    expect(batchRows(encodeResultBatch([], 3))).toEqual([[], [], []]);
  });

  it('survives a binary frame, including a receive buffer at an odd offset', () => {
    const batch = encodeResultBatch(columns, 5);
    const frame = encodeBinaryFrame({ kind: 'event', channel: 'query/event', payload: { type: 'batch', runId: 'r', index: 0, firstRow: 0, batch } });
    const shifted = new Uint8Array(frame.byteLength + 3);
    shifted.set(frame, 3);
    const message = decodeBinaryFrame(shifted.subarray(3)) as { payload: { batch: typeof batch; runId: string } };
    expect(message.payload.runId).toBe('r');
    expect(batchRows(message.payload.batch)).toEqual(batchRows(batch));
  });

  it('sends a Node Buffer as raw bytes, not as its JSON form', () => {
    const frame = encodeBinaryFrame({ data: Buffer.from([1, 2, 3]) });
    expect(decodeBinaryFrame(frame)).toEqual({ data: new Uint8Array([1, 2, 3]) });
  });

  it('rejects a frame whose lengths run past its end', () => {
    const frame = encodeBinaryFrame({ data: new Uint8Array(64) });
    expect(() => decodeBinaryFrame(frame.subarray(0, frame.byteLength - 8))).toThrow(RangeError);
    expect(() => decodeBinaryFrame(new Uint8Array([255, 255, 0, 0, 1]))).toThrow(RangeError);
  });

  it('shows bytes as lowercase hex with a \\x prefix', () => {
    expect(bytesToHex(new Uint8Array([0, 10, 171, 255]))).toBe('\\x000aabff');
  });
});
