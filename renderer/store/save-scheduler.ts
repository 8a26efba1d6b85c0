export interface SaveSchedulerOptions<T> {
  /** Quiet time after the last change before saving. */
  delayMs: number;
  /** Longest a change waits while changes keep coming. */
  maxWaitMs: number;
  save(value: T): Promise<void>;
  onError(error: unknown): void;
}

export interface SaveScheduler<T> {
  /** Remembers the latest value and saves it once changes pause. */
  schedule(value: T): void;
  /** Saves the pending value now, if any; resolves when every started save has finished. */
  flush(): Promise<void>;
  /** Stops the timer; a pending value is dropped unless flushed first. */
  dispose(): void;
}

/**
 * Debounced saving that never runs two saves at once: a change made while a save is in flight is saved
 * right after it, and only the latest value is ever written.
 */
export function createSaveScheduler<T>(options: SaveSchedulerOptions<T>): SaveScheduler<T> {
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstChangeAt: number | null = null;
  let inFlight: Promise<void> | null = null;
  /** The pending value may be saved: its quiet time passed or someone flushed. */
  let due = false;
  let disposed = false;

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  async function saveLoop(): Promise<void> {
    while (pending && due) {
      const { value } = pending;
      pending = null;
      due = false;
      try {
        await options.save(value);
      } catch (error) {
        options.onError(error);
      }
    }
  }

  function start(): Promise<void> {
    clearTimer();
    firstChangeAt = null;
    due = true;
    if (!inFlight) {
      inFlight = saveLoop().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  return {
    schedule(value) {
      if (disposed) return;
      pending = { value };
      const now = Date.now();
      firstChangeAt ??= now;
      clearTimer();
      const wait = Math.max(0, Math.min(options.delayMs, firstChangeAt + options.maxWaitMs - now));
      timer = setTimeout(() => void start(), wait);
    },
    async flush() {
      if (pending) await start();
      else if (inFlight) await inFlight;
    },
    dispose() {
      disposed = true;
      clearTimer();
      pending = null;
    },
  };
}
