import { describe, expect, it } from 'vitest';
import { ResultStore, StatementResult } from '../../../renderer/features/results/result-store';
import type { Cell } from '../../../shared/model/query';

const batch = (from: number, count: number): Cell[][] =>
  Array.from({ length: count }, (_, i) => [String(from + i), i % 7 === 0 ? null : `row ${from + i}`]);

describe('StatementResult', () => {
  it('returns every row in order across batches of different sizes', () => {
    const result = new StatementResult();
    let next = 0;
    for (const size of [1, 1000, 3, 5000, 17]) {
      result.append(batch(next, size));
      next += size;
    }
    expect(result.rowCount).toBe(next);
    expect(result.batchCount).toBe(5);
    for (let i = 0; i < next; i++) expect(result.getRow(i)?.[0]).toBe(String(i));
  });

  it('finds rows in random order too (binary search, not only the cached batch)', () => {
    const result = new StatementResult();
    for (let b = 0; b < 50; b++) result.append(batch(b * 100, 100));
    for (const i of [4999, 0, 2500, 101, 99, 100, 3333, 4900]) expect(result.getRow(i)?.[0]).toBe(String(i));
  });

  it('keeps the batch arrays it was given instead of copying rows', () => {
    const result = new StatementResult();
    const first = batch(0, 10);
    result.append(first);
    result.append(batch(10, 10));
    expect(result.getRow(3)).toBe(first[3]);
  });

  it('answers undefined outside the rows and ignores empty batches', () => {
    const result = new StatementResult();
    result.append([]);
    expect(result.rowCount).toBe(0);
    expect(result.version).toBe(0);
    result.append(batch(0, 2));
    expect(result.getRow(-1)).toBeUndefined();
    expect(result.getRow(2)).toBeUndefined();
    expect(result.getRow(1.5)).toBeUndefined();
    expect(result.getRow(1)?.[1]).toBe('row 1');
  });

  it('copies a range of rows, clipped to what exists', () => {
    const result = new StatementResult();
    result.append(batch(0, 3));
    result.append(batch(3, 3));
    expect(result.getRows(2, 10).map((row) => row[0])).toEqual(['2', '3', '4', '5']);
  });
});

describe('ResultStore', () => {
  it('keeps results apart per run and statement and bumps the version on each change', () => {
    const store = new ResultStore();
    store.setColumns('run-a', 0, [{ name: 'id', dataType: 'int4', category: 'number' }]);
    store.appendRows('run-a', 0, batch(0, 5));
    store.appendRows('run-a', 1, batch(100, 2));
    store.appendRows('run-b', 0, batch(200, 1));
    expect(store.get('run-a', 0)?.rowCount).toBe(5);
    expect(store.get('run-a', 0)?.columns[0].name).toBe('id');
    expect(store.get('run-a', 1)?.getRow(0)?.[0]).toBe('100');
    expect(store.get('run-b', 0)?.getRow(0)?.[0]).toBe('200');
    expect(store.version('run-a', 0)).toBe(2);
    expect(store.version('run-x', 0)).toBe(0);
  });

  it('notifies only the subscribers of the result that changed, until they unsubscribe', () => {
    const store = new ResultStore();
    const seen: string[] = [];
    const stop = store.subscribe('run-a', 0, () => seen.push('a0'));
    store.subscribe('run-a', 1, () => seen.push('a1'));
    store.appendRows('run-a', 0, batch(0, 1));
    store.appendRows('run-a', 1, batch(0, 1));
    stop();
    store.appendRows('run-a', 0, batch(1, 1));
    expect(seen).toEqual(['a0', 'a1']);
  });

  it('frees every statement of a run and nothing else, telling subscribers', () => {
    const store = new ResultStore();
    store.appendRows('run-a', 0, batch(0, 1));
    store.appendRows('run-a', 1, batch(0, 1));
    store.appendRows('run-a1', 0, batch(0, 1));
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
