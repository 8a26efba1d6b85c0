import { MAX_RUN_WINDOW } from '../../shared/ipc/contract';

export interface RunAcks {
  /** Counts one batch event of `runId` as stored; its ack goes out once the current task is done. */
  stored(runId: string): void;
  /** Drops the run's unsent acks: it has ended, and the host ignores late ones anyway. */
  forget(runId: string): void;
}

/**
 * Acknowledges stored batch events (query/ack), so the host sends more. Batches stored within the
 * same task share one message per run; a microtask rather than a timer, because browsers throttle
 * timers in hidden tabs and the stream would crawl.
 */
export function createRunAcks(send: (runId: string, batches: number) => void): RunAcks {
  const pending = new Map<string, number>();
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const due = [...pending];
    pending.clear();
    for (const [runId, count] of due) {
      for (let left = count; left > 0; left -= MAX_RUN_WINDOW) send(runId, Math.min(left, MAX_RUN_WINDOW));
    }
  };

  return {
    stored(runId) {
      pending.set(runId, (pending.get(runId) ?? 0) + 1);
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(flush);
    },
    forget(runId) {
      pending.delete(runId);
    },
  };
}
