import { CoreError, toStrataError } from '../errors';
import type { Driver } from '../drivers/types';

export type HealthState = 'open' | 'error';

/** A ping gets at least this long, so short intervals do not turn a busy server into a failing one. */
const MIN_PING_TIMEOUT_MS = 5000;

/**
 * Pings a driver every interval and reports when it stops or starts answering again, or fails for
 * another reason than before. A ping that
 * takes longer than the interval (and at least MIN_PING_TIMEOUT_MS) counts as a failure. Nothing
 * thrown here escapes the timer.
 */
export class HealthMonitor {
  private timer: NodeJS.Timeout | null = null;
  private state: HealthState = 'open';
  private failure: string | null = null;
  private pinging = false;
  private stopped = false;

  constructor(
    private readonly driver: Driver,
    private readonly intervalMs: number,
    private readonly onChange: (state: HealthState, message?: string) => void,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    if (this.pinging) return;
    this.pinging = true;
    let failure: string | null = null;
    try {
      await this.pingWithin(Math.max(this.intervalMs, MIN_PING_TIMEOUT_MS));
    } catch (error) {
      failure = toStrataError(error).message;
    } finally {
      this.pinging = false;
    }
    if (this.stopped) return;
    const next: HealthState = failure === null ? 'open' : 'error';
    // A failure that changes its reason is reported again, so the user sees the current one.
    if (next === this.state && failure === this.failure) return;
    this.state = next;
    this.failure = failure;
    try {
      this.onChange(next, failure ?? undefined);
    } catch {
      // The listener's problem, not the connection's; the next change is still reported.
    }
  }

  private async pingWithin(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CoreError('TIMEOUT', `The server did not answer a health check within ${ms} ms. It may be overloaded or unreachable.`)), ms);
    });
    try {
      await Promise.race([this.driver.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
