import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpoolFile } from '../../../electron/core/results/spool-file';
import type { Cell } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { batchRows } from '../../../shared/result-batch/read';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-test-spool-file-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Rows [first, first + count): an id, a label that is null on every fifth row, and two raw bytes. */
function rowsBatch(first: number, count: number): ResultBatch {
  const ids = Array.from({ length: count }, (_, at) => first + at);
  return encodeResultBatch(
    [
      { kind: 'int32', values: ids },
      { kind: 'text', values: ids.map((id) => (id % 5 === 0 ? null : `row ${id} é`)) },
      { kind: 'bytes', values: ids.map((id) => Uint8Array.of(id & 0xff, 0xab)) },
    ],
    count,
  );
}

function expectedRows(first: number, count: number): Cell[][] {
  return batchRows(rowsBatch(first, count));
}

/** A file holding rows 100..399 in batches of 100, 150 and 50 rows (rows before 100 went to the client). */
async function spooled(): Promise<SpoolFile> {
  const file = await SpoolFile.create(join(dir, '1.spool'));
  await file.append(rowsBatch(100, 100), 100);
  await file.append(rowsBatch(200, 150), 200);
  await file.append(rowsBatch(350, 50), 350);
  return file;
}

describe('spool file', () => {
  it('reads back exactly the stored batches that overlap a range, each in a fresh aligned buffer', async () => {
    const file = await spooled();
    const page = await file.read(190, 20);
    expect(page.map((entry) => [entry.firstRow, entry.batch.rowCount])).toEqual([
      [100, 100],
      [200, 150],
    ]);
    expect(batchRows(page[0].batch)).toEqual(expectedRows(100, 100));
    expect(batchRows(page[1].batch)).toEqual(expectedRows(200, 150));
    for (const { batch } of page) {
      expect(batch.bytes.byteOffset).toBe(0);
      expect(batch.bytes.buffer.byteLength).toBe(batch.bytes.byteLength);
    }
    await file.delete();
  });

  it('answers ranges at the edges: the last row, the whole file, and rows it does not hold', async () => {
    const file = await spooled();
    expect((await file.read(399, 1)).map((entry) => entry.firstRow)).toEqual([350]);
    expect((await file.read(0, 100_000)).map((entry) => entry.firstRow)).toEqual([100, 200, 350]);
    expect(await file.read(0, 100)).toEqual([]);
    expect(await file.read(400, 10)).toEqual([]);
    expect(file.endRow).toBe(400);
    await file.delete();
  });

  it('stays readable after writing ends, refuses rows out of order, and is private to the user', async () => {
    const file = await spooled();
    await expect(file.append(rowsBatch(500, 10), 500)).rejects.toThrow(/follow each other/);
    await file.close();
    expect(batchRows((await file.read(350, 50))[0].batch)).toEqual(expectedRows(350, 50));
    expect((await stat(file.path)).mode & 0o777).toBe(0o600);
    expect((await stat(file.path)).size).toBe(file.byteLength);
  });

  it('deletes its file', async () => {
    const file = await spooled();
    await file.delete();
    await expect(stat(file.path)).rejects.toMatchObject({ code: 'ENOENT' });
    await file.delete();
  });
});
