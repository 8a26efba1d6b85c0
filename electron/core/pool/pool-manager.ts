import type { ConnectionStateEvent } from '../../../shared/ipc/contract';
import type { Driver } from '../drivers/types';
import { HealthMonitor } from './health';

const DEFAULT_IDLE_CLOSE_MS = 5 * 60_000;
const DEFAULT_HEALTH_INTERVAL_MS = 30_000;

export interface PoolManagerOptions {
  /** Drivers unused for this long are destroyed. */
  idleCloseMs?: number;
  /** How often each open driver is pinged. */
  healthIntervalMs?: number;
  onState?: (event: ConnectionStateEvent) => void;
}

export interface OpenDriver {
  driver: Driver;
  serverVersion: string;
}

interface Entry extends OpenDriver {
  lastUsed: number;
  /** Work in flight that must keep the driver open however long it takes (see retain). */
  holds: number;
  idleTimer: NodeJS.Timeout | null;
  health: HealthMonitor;
}

/** The open drivers, keyed by connection id: shared opens, idle close and health pings. */
export class PoolManager {
  private readonly entries = new Map<string, Entry>();
  private readonly opening = new Map<string, Promise<OpenDriver>>();
  private readonly idleCloseMs: number;
  private readonly healthIntervalMs: number;

  constructor(private readonly options: PoolManagerOptions = {}) {
    this.idleCloseMs = options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
    this.healthIntervalMs = options.healthIntervalMs ?? DEFAULT_HEALTH_INTERVAL_MS;
  }

  /** The open driver of `id`, or a new one from `create` once its init succeeds. Concurrent opens share one init. */
  open(id: string, create: () => Driver): Promise<OpenDriver> {
    const entry = this.entries.get(id);
    if (entry) {
      this.touch(id);
      return Promise.resolve({ driver: entry.driver, serverVersion: entry.serverVersion });
    }
    let opening = this.opening.get(id);
    if (!opening) {
      opening = this.initialize(id, create).finally(() => this.opening.delete(id));
      this.opening.set(id, opening);
    }
    return opening;
  }

  get(id: string): Driver | undefined {
    return this.entries.get(id)?.driver;
  }

  /** Marks the driver as used now; callers call it on every use. */
  touch(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.lastUsed = Date.now();
  }

  /**
   * Keeps the driver open until the returned function is called, however long that takes, for work
   * that may outlast idleCloseMs (a long query). Calling the function again does nothing.
   */
  retain(id: string): () => void {
    const entry = this.entries.get(id);
    if (!entry) return () => undefined;
    entry.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      entry.holds--;
      entry.lastUsed = Date.now();
    };
  }

  async close(id: string): Promise<void> {
    await this.opening.get(id)?.catch(() => undefined);
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    await this.dispose(id, entry);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.opening.values()].map((opening) => opening.catch(() => undefined)));
    const entries = [...this.entries];
    this.entries.clear();
    await Promise.all(entries.map(([id, entry]) => this.dispose(id, entry)));
  }

  private async initialize(id: string, create: () => Driver): Promise<OpenDriver> {
    const driver = create();
    let serverVersion: string;
    try {
      serverVersion = (await driver.init()).version;
    } catch (error) {
      await driver.destroy().catch(() => undefined);
      throw error;
    }
    const entry: Entry = {
      driver,
      serverVersion,
      lastUsed: Date.now(),
      holds: 0,
      idleTimer: null,
      health: new HealthMonitor(driver, this.healthIntervalMs, (state, message) => this.emit({ id, state, ...(message ? { message } : {}) })),
    };
    this.entries.set(id, entry);
    this.scheduleIdleCheck(id, entry, this.idleCloseMs);
    entry.health.start();
    this.emit({ id, state: 'open' });
    return { driver, serverVersion };
  }

  private scheduleIdleCheck(id: string, entry: Entry, delayMs: number): void {
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (this.entries.get(id) !== entry) return;
      const idleFor = Date.now() - entry.lastUsed;
      if (entry.holds === 0 && idleFor >= this.idleCloseMs) {
        this.entries.delete(id);
        void this.dispose(id, entry);
        return;
      }
      this.scheduleIdleCheck(id, entry, entry.holds > 0 ? this.idleCloseMs : this.idleCloseMs - idleFor);
    }, delayMs);
    entry.idleTimer.unref();
  }

  private async dispose(id: string, entry: Entry): Promise<void> {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.health.stop();
    await entry.driver.destroy().catch(() => undefined);
    this.emit({ id, state: 'closed' });
  }

  private emit(event: ConnectionStateEvent): void {
    try {
      this.options.onState?.(event);
    } catch {
      // A listener's failure must not break opening, closing or the timers.
    }
  }
}
