import { CoreError } from '../errors';

/**
 * One run's credit of batch events (the flow control of query/run, see shared/ipc/contract.ts): each
 * batch sent spends one, the client's acks grant more. With none left the run waits for a grant,
 * and aborting the run ends that wait with CANCELLED.
 */
export class RunCredit {
  private available: number;
  private wake: (() => void) | null = null;

  constructor(
    initial: number,
    private readonly max: number,
    private readonly signal: AbortSignal,
  ) {
    this.available = Math.min(initial, max);
  }

  /** Unspent credit. */
  get remaining(): number {
    return this.available;
  }

  /** Adds up to `batches`, never beyond the cap, and wakes a waiting run. Returns how many were added. */
  grant(batches: number): number {
    if (this.signal.aborted) return 0;
    const added = Math.max(0, Math.min(batches, this.max - this.available));
    this.available += added;
    if (this.available > 0) this.wake?.();
    return added;
  }

  /** Spends one credit for a batch just sent. Returns false when none is left: call untilGranted() before sending more. */
  spend(): boolean {
    this.available -= 1;
    return this.available > 0;
  }

  /** Resolves once credit is available; rejects with CANCELLED when the run is aborted first. */
  untilGranted(): Promise<void> {
    if (this.available > 0) return Promise.resolve();
    if (this.signal.aborted) return Promise.reject(cancelledError());
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.wake = null;
        reject(cancelledError());
      };
      this.wake = () => {
        this.wake = null;
        this.signal.removeEventListener('abort', onAbort);
        resolve();
      };
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function cancelledError(): CoreError {
  return new CoreError('CANCELLED', 'The query was cancelled.');
}
