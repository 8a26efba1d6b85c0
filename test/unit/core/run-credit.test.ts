import { describe, expect, it } from 'vitest';
import { RunCredit } from '../../../electron/core/services/run-credit';

/** Resolves with 'granted', the rejection's code, or 'waiting' when the promise has not settled by the next macrotask. */
async function outcome(promise: Promise<void>): Promise<string> {
  const settled = promise.then(
    () => 'granted',
    (error: { code?: string }) => error.code ?? 'rejected',
  );
  const pending = new Promise<string>((resolve) => setTimeout(() => resolve('waiting'), 0));
  return Promise.race([settled, pending]);
}

describe('run credit', () => {
  it('lets a run send its window of batches, then waits until the client grants more', async () => {
    const credit = new RunCredit(3, 64, new AbortController().signal);
    expect([credit.spend(), credit.spend(), credit.spend()]).toEqual([true, true, false]);
    const waiting = credit.untilGranted();
    expect(await outcome(waiting)).toBe('waiting');
    expect(credit.grant(2)).toBe(2);
    expect(await outcome(waiting)).toBe('granted');
    expect(credit.remaining).toBe(2);
  });

  it('does not wait while credit is left', async () => {
    const credit = new RunCredit(2, 64, new AbortController().signal);
    expect(credit.spend()).toBe(true);
    expect(await outcome(credit.untilGranted())).toBe('granted');
  });

  it('caps unspent credit, so a client cannot ask for an unbounded backlog', () => {
    const credit = new RunCredit(100, 8, new AbortController().signal);
    expect(credit.remaining).toBe(8);
    expect(credit.grant(5)).toBe(0);
    credit.spend();
    credit.spend();
    expect(credit.grant(5)).toBe(2);
    expect(credit.remaining).toBe(8);
  });

  it('ends a waiting run with CANCELLED when it is aborted, and grants nothing afterwards', async () => {
    const controller = new AbortController();
    const credit = new RunCredit(1, 64, controller.signal);
    expect(credit.spend()).toBe(false);
    const waiting = credit.untilGranted();
    controller.abort();
    expect(await outcome(waiting)).toBe('CANCELLED');
    expect(credit.grant(4)).toBe(0);
    expect(await outcome(credit.untilGranted())).toBe('CANCELLED');
  });

  it('wakes the waiting run only once, and a later abort does not reject it', async () => {
    const controller = new AbortController();
    const credit = new RunCredit(1, 64, controller.signal);
    credit.spend();
    const waiting = credit.untilGranted();
    credit.grant(1);
    credit.grant(1);
    controller.abort();
    expect(await outcome(waiting)).toBe('granted');
  });
});
