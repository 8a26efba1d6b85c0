import type { AppQueryPurpose } from '../../../shared/model/activity';

/** What a driver tells about one statement it sent on Strata's behalf; the log adds the connection. */
export interface AppQueryReport {
  purpose: AppQueryPurpose;
  /** The statement text only: bound values are never part of it. */
  sql: string;
  /** Date.now() when the statement was sent. */
  startedAt: number;
  durationMs: number;
  ok: boolean;
  error?: string;
  rows?: number;
}

export type AppQueryReporter = (report: AppQueryReport) => void;

/**
 * Runs `send` (one statement to the server) and reports it, whether it succeeds or fails. The result
 * and any error pass through unchanged; a reporter that throws is ignored.
 */
export async function reportAppQuery<T>(
  reporter: AppQueryReporter | undefined,
  purpose: AppQueryPurpose,
  sql: string,
  send: () => Promise<T>,
  rowsOf?: (result: T) => number,
): Promise<T> {
  if (!reporter) return send();
  const startedAt = Date.now();
  const started = performance.now();
  const report = (outcome: Pick<AppQueryReport, 'ok' | 'error' | 'rows'>) => {
    try {
      reporter({ purpose, sql, startedAt, durationMs: performance.now() - started, ...outcome });
    } catch {
      // The log is a bystander: it must never change what the statement did.
    }
  };
  try {
    const result = await send();
    report(rowsOf ? { ok: true, rows: rowsOf(result) } : { ok: true });
    return result;
  } catch (error) {
    report({ ok: false, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
