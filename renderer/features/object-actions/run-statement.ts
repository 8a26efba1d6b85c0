import type { StrataError } from '../../../shared/errors';
import type { QueryEvent } from '../../../shared/model/query';
import type { StrataClient } from '../../bridge/client';
import { toStrataError } from '../../store/runs-slice';

export type StatementOutcome = { ok: true } | { ok: false; error: StrataError };

/**
 * Runs one statement that returns no rows (a DROP) through query/run, outside any editor tab, and
 * resolves once the run has ended with the first error it reported, if any.
 */
export function runStatement(api: StrataClient, connectionId: string, sql: string): Promise<StatementOutcome> {
  const runId = crypto.randomUUID();
  return new Promise<StatementOutcome>((resolve) => {
    let firstError: StrataError | null = null;
    let settled = false;
    const finish = (outcome: StatementOutcome) => {
      if (settled) return;
      settled = true;
      stop();
      api.invoke('query/discard', { runId }).catch(() => undefined);
      resolve(outcome);
    };
    // Subscribed before the call: events can arrive before its reply.
    const stop = api.subscribe('query/event', (event: QueryEvent) => {
      if (event.runId !== runId) return;
      if (event.type === 'statement-error') firstError ??= event.error;
      if (event.type !== 'run-end') return;
      if (firstError) finish({ ok: false, error: firstError });
      else if (event.status === 'cancelled') finish({ ok: false, error: { code: 'CANCELLED', message: 'The statement was cancelled.' } });
      else finish({ ok: true });
    });
    api.invoke('query/run', { connectionId, runId, sql, stopOnError: true }).catch((error: unknown) => finish({ ok: false, error: toStrataError(error) }));
  });
}
