import pg from 'pg';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { CANCEL_BACKEND_QUERY } from './catalog-queries';

/**
 * Asks the server to stop whatever backend `pid` is running, with pg_cancel_backend from another
 * session (a pg client-side timeout alone leaves the backend running, node-postgres #1954). A free
 * pool client does it when there is one; when every client is busy, a short-lived client does, so
 * the cancel never waits behind the statements it should stop. Resolves whether or not it worked:
 * the caller has its own fallback.
 */
export async function cancelBackend(pool: pg.Pool, config: pg.ClientConfig, pid: number, onAppQuery?: AppQueryReporter): Promise<boolean> {
  const send = (client: pg.Pool | pg.Client) => reportAppQuery(onAppQuery, 'cancel', CANCEL_BACKEND_QUERY, () => client.query(CANCEL_BACKEND_QUERY, [pid]));
  try {
    if (pool.idleCount > 0 || pool.totalCount < pool.options.max) {
      await send(pool);
      return true;
    }
    const client = new pg.Client(config);
    client.on('error', () => undefined);
    try {
      await client.connect();
      await send(client);
    } finally {
      await client.end().catch(() => undefined);
    }
    return true;
  } catch {
    return false;
  }
}
