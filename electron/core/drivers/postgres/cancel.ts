import pg from 'pg';
import { CANCEL_BACKEND_QUERY } from './catalog-queries';

/**
 * Asks the server to stop whatever backend `pid` is running, with pg_cancel_backend from another
 * session (a pg client-side timeout alone leaves the backend running, node-postgres #1954). A free
 * pool client does it when there is one; when every client is busy, a short-lived client does, so
 * the cancel never waits behind the statements it should stop. Resolves whether or not it worked:
 * the caller has its own fallback.
 */
export async function cancelBackend(pool: pg.Pool, config: pg.ClientConfig, pid: number): Promise<boolean> {
  try {
    if (pool.idleCount > 0 || pool.totalCount < pool.options.max) {
      await pool.query(CANCEL_BACKEND_QUERY, [pid]);
      return true;
    }
    const client = new pg.Client(config);
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(CANCEL_BACKEND_QUERY, [pid]);
    } finally {
      await client.end().catch(() => undefined);
    }
    return true;
  } catch {
    return false;
  }
}
