import { MAX_RESULT_MEMORY_BYTES, type ColumnMeta, type QueryEvent } from '../../../shared/model/query';
import { BatchReader } from '../../../shared/result-batch/read';
import type { StrataClient } from '../../bridge/client';
import { createRunAcks } from '../../store/run-acks';

export interface TableRowsRequest {
  connectionId: string;
  runId: string;
  sql: string;
  signal?: AbortSignal;
}

export interface TableRows {
  /** Resolves with the columns once the statement has described them. */
  columns: Promise<ColumnMeta[]>;
  /** Each batch as it arrives; its credit is granted back once the consumer asks for the next one. */
  batches: AsyncIterable<BatchReader>;
}

type Pending = { resolve: () => void } | null;

/**
 * Runs one SELECT through query/run and hands its batches over one at a time without storing them:
 * a batch's credit (query/ack) goes back only after the consumer is done with it, so main reads the
 * table no faster than the export writes it. Aborting the signal cancels the run (query/cancel).
 */
export function streamTableRows(client: StrataClient, { connectionId, runId, sql, signal }: TableRowsRequest): TableRows {
  const queue: BatchReader[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: Pending = null;
  let settleColumns: { resolve: (columns: ColumnMeta[]) => void; reject: (error: Error) => void } | null = null;
  const columns = new Promise<ColumnMeta[]>((resolve, reject) => (settleColumns = { resolve, reject }));
  // The caller may never await columns when the run fails first; that rejection is reported through batches.
  columns.catch(() => undefined);

  const acks = createRunAcks((id, batches) => {
    if (!ended) client.invoke('query/ack', { runId: id, batches }).catch(() => undefined);
  });
  const notify = () => {
    wake?.resolve();
    wake = null;
  };
  const fail = (error: Error) => {
    failure ??= error;
    settleColumns?.reject(error);
    finish();
  };
  const finish = () => {
    ended = true;
    unsubscribe();
    acks.forget(runId);
    signal?.removeEventListener('abort', abort);
    notify();
  };
  const abort = () => {
    client.invoke('query/cancel', { runId }).catch(() => undefined);
  };

  const unsubscribe = client.subscribe('query/event', (event: QueryEvent) => {
    if (event.runId !== runId || ended) return;
    switch (event.type) {
      case 'columns':
        settleColumns?.resolve(event.columns);
        break;
      case 'batch':
        queue.push(new BatchReader(event.batch));
        notify();
        break;
      case 'spooled':
        fail(new Error('The table outgrew the memory budget of a streamed export.'));
        abort();
        break;
      case 'statement-error':
        fail(new Error(event.error.message));
        break;
      case 'statement-end':
        settleColumns?.resolve([]);
        break;
      case 'run-end':
        if (event.status === 'cancelled') fail(new Error('The export was cancelled.'));
        finish();
        break;
    }
  });
  signal?.addEventListener('abort', abort);

  client
    .invoke('query/run', { connectionId, runId, sql, memoryBudgetBytes: MAX_RESULT_MEMORY_BYTES })
    .catch((error: unknown) => fail(error instanceof Error ? error : new Error(String(error))));

  async function* batches(): AsyncGenerator<BatchReader> {
    try {
      for (;;) {
        const next = queue.shift();
        if (next) {
          yield next;
          acks.stored(runId);
          continue;
        }
        if (failure) throw failure;
        if (ended) return;
        await new Promise<void>((resolve) => (wake = { resolve }));
      }
    } finally {
      // Stopped early (an error while writing, or cancel): the run must not wait for credit forever.
      if (!ended) {
        abort();
        finish();
      }
    }
  }

  return { columns, batches: batches() };
}
