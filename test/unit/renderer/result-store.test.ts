import { describe, expect, it } from 'vitest';
import { ResultStore, StatementResult } from '../../../renderer/features/results/result-store';
import type { ColumnInput } from '../../../shared/result-batch/encode';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../shared/result-batch/format';

/** Rows [from, from + count): id (int64), label (text, NULL every 7th row), ok (bool), raw (bytes). */
function batch(from: number, count: number): ResultBatch {
  const ids = Array.from({ length: count }, (_, i) => BigInt(from + i));
  const labels = Array.from({ length: count }, (_, i) => ((from + i) % 7 === 0 ? null : `row ${from + i} ✓`));
  const oks = Array.from({ length: count }, (_, i) => (from + i) % 2 === 0);
  const raws = Array.from({ length: count }, (_, i) => new Uint8Array([(from + i) & 0xff, 0xab]));
  const columns: ColumnInput[] = [
    { kind: 'int64', values: ids },
    { kind: 'text', values: labels },
    { kind: 'bool', values: oks },
    { kind: 'bytes', values: raws },
  ];
  return encodeResultBatch(columns, count);
}

/** The row as the grid must show it. */
const expected = (i: number) => [String(i), i % 7 === 0 ? null : `row ${i} ✓`, i % 2 === 0 ? 'true' : 'false', `\\x${(i & 0xff).toString(16).padStart(2, '0')}ab`];

describe('StatementResult', () => {
  it('reads back every row exactly across batches of different sizes', () => {
    const result = new StatementResult();
    let next = 0;
    for (const size of [1, 1000, 3, 5000, 17]) {
      result.append(next, batch(next, size));
      next += size;
    }
    expect(result.rowCount).toBe(next);
    expect(result.memoryRowCount).toBe(next);
    expect(result.batchCount).toBe(5);
    expect(result.spooledFrom).toBeNull();
    for (let i = 0; i < next; i++) expect(result.getRow(i)).toEqual(expected(i));
  });

  it('finds rows in random order too (binary search, not only the last batch used)', () => {
    const result = new StatementResult();
    for (let b = 0; b < 50; b++) result.append(b * 100, batch(b * 100, 100));
    for (const i of [4999, 0, 2500, 101, 99, 100, 3333, 4900]) expect(result.getRow(i)).toEqual(expected(i));
  });

  it('counts the bytes it holds, which are the batches it was given', () => {
    const result = new StatementResult();
    const first = batch(0, 10);
    const second = batch(10, 20);
    result.append(0, first);
    result.append(10, second);
    expect(result.memoryBytes).toBe(first.bytes.byteLength + second.bytes.byteLength);
  });

  it('answers undefined outside the rows and ignores empty batches', () => {
    const result = new StatementResult();
    result.append(0, batch(0, 0));
    expect(result.rowCount).toBe(0);
    expect(result.version).toBe(0);
    result.append(0, batch(0, 2));
    expect(result.getRow(-1)).toBeUndefined();
    expect(result.getRow(2)).toBeUndefined();
    expect(result.getRow(1.5)).toBeUndefined();
    expect(result.getRow(1)).toEqual(expected(1));
  });

  it('copies a range of rows, clipped to what exists', async () => {
    const result = new StatementResult();
    result.append(0, batch(0, 3));
    result.append(3, batch(3, 3));
    expect(result.getRows(2, 10)?.map((row) => row[0])).toEqual(['2', '3', '4', '5']);
    expect((await result.readRows(2, 10)).map((row) => row[0])).toEqual(['2', '3', '4', '5']);
  });
});

describe('ResultStore', () => {
  it('keeps results apart per run and statement and bumps the version on each change', () => {
    const store = new ResultStore();
    store.setColumns('run-a', 0, [{ name: 'id', dataType: 'int8', category: 'number' }]);
    store.appendBatch('run-a', 0, 0, batch(0, 5));
    store.appendBatch('run-a', 1, 0, batch(100, 2));
    store.appendBatch('run-b', 0, 0, batch(200, 1));
    expect(store.get('run-a', 0)?.rowCount).toBe(5);
    expect(store.get('run-a', 0)?.columns[0].name).toBe('id');
    expect(store.get('run-a', 1)?.getRow(0)).toEqual(expected(100));
    expect(store.get('run-b', 0)?.getRow(0)).toEqual(expected(200));
    expect(store.version('run-a', 0)).toBe(2);
    expect(store.version('run-x', 0)).toBe(0);
  });

  it('notifies only the subscribers of the result that changed, until they unsubscribe', () => {
    const store = new ResultStore();
    const seen: string[] = [];
    const stop = store.subscribe('run-a', 0, () => seen.push('a0'));
    store.subscribe('run-a', 1, () => seen.push('a1'));
    store.appendBatch('run-a', 0, 0, batch(0, 1));
    store.appendBatch('run-a', 1, 0, batch(0, 1));
    stop();
    store.appendBatch('run-a', 0, 1, batch(1, 1));
    expect(seen).toEqual(['a0', 'a1']);
  });

  it('frees every statement of a run and nothing else, telling subscribers', () => {
    const store = new ResultStore();
    store.appendBatch('run-a', 0, 0, batch(0, 1));
    store.appendBatch('run-a', 1, 0, batch(0, 1));
    store.appendBatch('run-a1', 0, 0, batch(0, 1));
    let told = 0;
    store.subscribe('run-a', 1, () => told++);
    store.freeRun('run-a');
    expect(store.get('run-a', 0)).toBeUndefined();
    expect(store.get('run-a', 1)).toBeUndefined();
    expect(store.get('run-a1', 0)?.rowCount).toBe(1);
    expect(store.size).toBe(1);
    expect(told).toBe(1);
  });
});
