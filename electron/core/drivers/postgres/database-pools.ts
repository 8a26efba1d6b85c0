import pg from 'pg';
import { CoreError } from '../../errors';

const DEFAULT_SECONDARY_IDLE_MS = 2 * 60_000;

interface PoolEntry {
  pool: pg.Pool;
  lastUsed: number;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * One pg.Pool per database of a server: the profile's own database for the whole life of the driver,
 * others on demand (the tree browsing another database), closed again once they sit idle.
 *
 * Every pool and every client gets an `error` listener: node-postgres emits `error` when a server
 * restarts or terminates a backend, and an unhandled one ends the process (node-postgres #2386).
 */
export class DatabasePools {
  private readonly pools = new Map<string, PoolEntry>();
  private readonly brokenClients = new WeakSet<pg.ClientBase>();
  private closed = false;

  constructor(
    private readonly configFor: (database: string) => pg.PoolConfig,
    private readonly primary: string,
    private readonly secondaryIdleMs: number = DEFAULT_SECONDARY_IDLE_MS,
  ) {}

  get primaryDatabase(): string {
    return this.primary;
  }

  get(database: string = this.primary): pg.Pool {
    if (this.closed) throw new CoreError('CONNECTION', 'The connection was closed. Open it again.');
    let entry = this.pools.get(database);
    if (!entry) {
      entry = { pool: this.createPool(database), lastUsed: Date.now(), idleTimer: null };
      this.pools.set(database, entry);
      if (database !== this.primary) this.scheduleIdleCheck(database, entry, this.secondaryIdleMs);
    }
    entry.lastUsed = Date.now();
    return entry.pool;
  }

  /** Whether the client's socket failed; such a client must be released with an error so the pool drops it. */
  isBroken(client: pg.ClientBase): boolean {
    return this.brokenClients.has(client);
  }

  async closeAll(): Promise<void> {
    this.closed = true;
    const entries = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(entries.map((entry) => this.endPool(entry)));
  }

  private createPool(database: string): pg.Pool {
    const pool = new pg.Pool(this.configFor(database));
    // The pool has already dropped the idle client that failed; nothing is waiting for this error.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => {
      client.on('error', () => this.brokenClients.add(client));
    });
    return pool;
  }

  private scheduleIdleCheck(database: string, entry: PoolEntry, delayMs: number): void {
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (this.pools.get(database) !== entry) return;
      const idleFor = Date.now() - entry.lastUsed;
      const busy = entry.pool.totalCount > entry.pool.idleCount || entry.pool.waitingCount > 0;
      if (idleFor >= this.secondaryIdleMs && !busy) {
        this.pools.delete(database);
        void this.endPool(entry);
        return;
      }
      this.scheduleIdleCheck(database, entry, Math.max(this.secondaryIdleMs - idleFor, 1000));
    }, delayMs);
    entry.idleTimer.unref();
  }

  private async endPool(entry: PoolEntry): Promise<void> {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    if (!entry.pool.ending) await entry.pool.end().catch(() => undefined);
  }
}
