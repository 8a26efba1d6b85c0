import mysql, { type ConnectionOptions } from 'mysql2';
import { reportAppQuery, type AppQueryReporter } from '../../activity/app-query-report';
import { queryOn } from './pool-calls';

/**
 * Asks the server to stop whatever session `threadId` is running, with KILL QUERY from a short-lived
 * session of its own: never the busy session itself, and never waiting behind a full pool. Resolves
 * whether or not it worked: the caller has its own fallback.
 */
export async function killQuery(options: ConnectionOptions, threadId: number, onAppQuery?: AppQueryReporter): Promise<boolean> {
  if (!Number.isSafeInteger(threadId) || threadId <= 0) return false;
  // The thread id is the server's own integer, so it can stand in the text (KILL takes no parameters).
  const sql = `KILL QUERY ${threadId}`;
  const connection = mysql.createConnection(options);
  connection.on('error', () => undefined);
  try {
    await reportAppQuery(onAppQuery, 'cancel', sql, () => queryOn(connection, sql));
    connection.end(() => undefined);
    return true;
  } catch {
    connection.destroy();
    return false;
  }
}
