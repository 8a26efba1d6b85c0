import { describe, expect, it } from 'vitest';
import { insertSql, MAX_ROWS_PER_INSERT, PARAMETER_LIMITS, planInsertChunks, rowsPerInsert } from '../../../electron/core/import/insert-chunks';

const rowsOf = (count: number, width: number, value = 'x') => Array.from({ length: count }, () => Array.from({ length: width }, () => value));

describe('INSERT chunking under each engine’s parameter limit', () => {
  it.each([
    ['postgres', 100, 655],
    ['mysql', 100, 655],
    ['sqlite', 100, 327],
    ['sqlite', 40, 819],
    ['postgres', 3, MAX_ROWS_PER_INSERT],
    ['sqlite', 32766, 1],
    ['sqlite', 40000, 1],
  ] as const)('%s with %i columns binds %i rows per statement', (engine, columns, rows) => {
    expect(rowsPerInsert(engine, columns)).toBe(rows);
    if (columns <= PARAMETER_LIMITS[engine]) expect(rowsPerInsert(engine, columns) * columns).toBeLessThanOrEqual(PARAMETER_LIMITS[engine]);
  });

  it('splits a batch into consecutive chunks that cover every row once and respect the row limit', () => {
    const chunks = planInsertChunks(rowsOf(5000, 100), rowsPerInsert('sqlite', 100));
    expect(chunks[0]).toEqual({ start: 0, end: 327 });
    expect(chunks.at(-1)?.end).toBe(5000);
    for (let index = 1; index < chunks.length; index += 1) expect(chunks[index].start).toBe(chunks[index - 1].end);
    expect(chunks.every((chunk) => chunk.end - chunk.start <= 327 && chunk.end > chunk.start)).toBe(true);
    for (const chunk of chunks) expect((chunk.end - chunk.start) * 100).toBeLessThanOrEqual(PARAMETER_LIMITS.sqlite);
  });

  it('also closes a chunk when its values would exceed the character budget, but never leaves a row out', () => {
    const rows = [['a'.repeat(60)], ['b'.repeat(60)], ['c'.repeat(30)], ['d'.repeat(200)], [null]];
    expect(planInsertChunks(rows, 1000, 100)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3 },
      { start: 3, end: 4 },
      { start: 4, end: 5 },
    ]);
    expect(planInsertChunks([], 10)).toEqual([]);
  });

  it('numbers PostgreSQL placeholders across rows, uses ? elsewhere, and quotes hostile column names', () => {
    expect(insertSql('postgres', '"public"."t"', ['a"b', 'c'], 2)).toBe('INSERT INTO "public"."t" ("a""b", "c") VALUES ($1, $2), ($3, $4)');
    expect(insertSql('mysql', '`db`.`t`', ['a`b', '$1'], 2)).toBe('INSERT INTO `db`.`t` (`a``b`, `$1`) VALUES (?, ?), (?, ?)');
    expect(insertSql('sqlite', '"t"', ['?'], 1)).toBe('INSERT INTO "t" ("?") VALUES (?)');
  });
});
