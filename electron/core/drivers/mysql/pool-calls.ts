import type { Connection, Pool, PoolConnection, QueryResult } from 'mysql2';
import { SessionWaitTimeout } from './error-mapping';

/**
 * A session from the pool. mysql2 queues requests without a limit when every session is busy, so
 * the wait is bounded here; a session that arrives after the caller gave up goes straight back.
 */
export function takeConnection(pool: Pool, timeoutMs: number): Promise<PoolConnection> {
  return new Promise((resolve, reject) => {
    let gaveUp = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      reject(new SessionWaitTimeout());
    }, timeoutMs);
    pool.getConnection((error, connection) => {
      clearTimeout(timer);
      if (gaveUp) {
        connection?.release();
        return;
      }
      if (error) reject(error);
      else resolve(connection);
    });
  });
}

/** One statement in the text protocol, for statements without parameters (SET, KILL QUERY). */
export function queryOn(connection: Connection, sql: string): Promise<QueryResult> {
  return new Promise((resolve, reject) => {
    connection.query<QueryResult>(sql, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** One prepared statement with bound parameters; its rows as objects keyed by column name. */
export function executeOn<Row>(connection: Connection, sql: string, params: readonly unknown[]): Promise<Row[]> {
  return new Promise((resolve, reject) => {
    connection.execute<QueryResult>(sql, params as never, (error, result) => (error ? reject(error) : resolve(result as unknown as Row[])));
  });
}

/** COM_RESET_CONNECTION: ends the transaction and drops variables, temporary tables, locks and prepared statements. */
export function resetSession(connection: Connection): Promise<void> {
  return new Promise((resolve, reject) => {
    connection.reset((error) => (error ? reject(error) : resolve()));
  });
}
