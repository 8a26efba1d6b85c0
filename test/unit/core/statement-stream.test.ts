import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpoolFile } from '../../../electron/core/results/spool-file';
import { StatementStream } from '../../../electron/core/results/statement-stream';
import { RunCredit } from '../../../electron/core/services/run-credit';
import type { QueryEvent } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { batchRows } from '../../../shared/result-batch/read';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'strata-test-stream-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ROWS_PER_BATCH = 10;

function batch(first: number): ResultBatch {
  return encodeResultBatch([{ kind: 'int32', values: Array.from({ length: ROWS_PER_BATCH }, (_, at) => first + at) }], ROWS_PER_BATCH);
}

function setUp(budgetBatches: number, window: number) {
  const events: QueryEvent[] = [];
  const credit = new RunCredit(window, 64, new AbortController().signal);
  const spools: SpoolFile[] = [];
  const stream = new StatementStream({
    runId: 'run',
    index: 0,
    budgetBytes: budgetBatches * batch(0).bytes.byteLength,
    credit,
    signal: new AbortController().signal,
    emit: (event) => events.push(event),
    openSpool: async () => {
      spools.push(await SpoolFile.create(join(dir, `${spools.length + 1}.spool`)));
      return spools.at(-1)!;
    },
  });
  return { events, credit, spools, stream };
}

describe('statement stream', () => {
  it('sends batches while they fit the budget, then spools the rest without spending credit', async () => {
    const { events, credit, spools, stream } = setUp(2, 10);
    for (let at = 0; at < 6; at++) await stream.batch(batch(at * ROWS_PER_BATCH));
    await stream.finish();

    const sent = events.filter((event) => event.type === 'batch');
    expect(sent.map((event) => event.firstRow)).toEqual([0, 10]);
    expect(credit.remaining).toBe(8);
    const spooled = events.filter((event) => event.type === 'spooled');
    expect(spooled[0]).toEqual({ type: 'spooled', runId: 'run', index: 0, spooledFrom: 20, rowCount: 30 });
    expect(spooled.at(-1)).toEqual({ type: 'spooled', runId: 'run', index: 0, spooledFrom: 20, rowCount: 60 });
    expect(events.findIndex((event) => event.type === 'spooled')).toBe(2);

    expect(spools).toHaveLength(1);
    const stored = await spools[0].read(20, 40);
    expect(stored.map((entry) => entry.firstRow)).toEqual([20, 30, 40, 50]);
    expect(stored.flatMap((entry) => batchRows(entry.batch)).map(([id]) => id)).toEqual(Array.from({ length: 40 }, (_, at) => String(20 + at)));
  });

  it('spools from the first row when the first batch alone is over the budget', async () => {
    const { events, spools, stream } = setUp(0.5, 4);
    await stream.batch(batch(0));
    await stream.finish();
    expect(events).toEqual([{ type: 'spooled', runId: 'run', index: 0, spooledFrom: 0, rowCount: 10 }]);
    expect(spools[0].endRow).toBe(10);
  });

  it('keeps spooling once started, even when a later batch would fit the budget', async () => {
    const { events, stream } = setUp(1.5, 10);
    await stream.batch(batch(0));
    await stream.batch(encodeResultBatch([{ kind: 'int32', values: Array.from({ length: 40 }, (_, at) => 10 + at) }], 40));
    await stream.batch(encodeResultBatch([{ kind: 'int32', values: [50] }], 1));
    await stream.finish();
    expect(events.filter((event) => event.type === 'batch')).toHaveLength(1);
    expect(events.at(-1)).toEqual({ type: 'spooled', runId: 'run', index: 0, spooledFrom: 10, rowCount: 51 });
  });

  it('waits for credit after the window while nothing spools, and sends no spooled event for a result that fits', async () => {
    const { events, credit, stream } = setUp(100, 2);
    await stream.batch(batch(0));
    let secondDone = false;
    const second = stream.batch(batch(10)).then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(secondDone).toBe(false);
    credit.grant(1);
    await second;
    await stream.finish();
    expect(events.map((event) => event.type)).toEqual(['batch', 'batch']);
  });
});
