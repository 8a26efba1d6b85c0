import Database from 'better-sqlite3';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventChannel } from '../../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput, EventPayloads } from '../../../shared/ipc/contract';
import type { InvokeChannel } from '../../../shared/ipc/channels';
import type { InvokeResult } from '../../../shared/ipc/wire';
import type { StrataError } from '../../../shared/errors';
import { emptyDraft, type ConnectionDraft } from '../../../shared/model/connection';
import type { Cell, QueryEvent } from '../../../shared/model/query';
import { batchRows } from '../../../shared/result-batch/read';
import { createCore, type Core, type CoreClient, type CoreOptions } from '../../../electron/core/core';

export const PG_DRAFT: ConnectionDraft = {
  ...emptyDraft('postgres'),
  name: 'strata_test_core local postgres',
  host: '127.0.0.1',
  port: 5432,
  user: 'postgres',
  database: 'postgres',
};

/** Thrown by TestClient.call when the core answers { ok: false }. */
export class CallError extends Error {
  constructor(readonly error: StrataError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface TestClient {
  client: CoreClient;
  events: { channel: EventChannel; payload: unknown }[];
  /** Every raw result this client received, for checks that a secret never left the core. */
  results: InvokeResult[];
  call<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  callRaw(channel: unknown, input: unknown): Promise<InvokeResult>;
  queryEvents(runId: string): QueryEvent[];
  /** Waits until the run's run-end event arrives and returns the run's events in order. */
  waitForRunEnd(runId: string): Promise<QueryEvent[]>;
  waitForEvent<E extends EventChannel>(channel: E, match: (payload: EventPayloads[E]) => boolean): Promise<EventPayloads[E]>;
}

export interface ClientOptions {
  /**
   * Acknowledge each batch event as it arrives (query/ack), as the renderer does; true by default.
   * Without acks a run stops after its window of batch events.
   */
  autoAck?: boolean;
}

export interface TestCore {
  core: Core;
  root: string;
  dataDir: string;
  resourcesDir: string;
  /** The parent of the core's spool directory: <root>/spool unless the options name another. */
  spoolDir: string;
  logLines: string[];
  connect(options?: ClientOptions): TestClient;
  /** Disposes the core; a fresh one on the same directories can then be started with restart(). */
  dispose(): Promise<void>;
  restart(options?: Partial<CoreOptions>): Promise<TestCore>;
  cleanup(): Promise<void>;
}

/** A real core on fresh temporary directories, with a tiny SQLite file as the bundled sample. */
export async function startTestCore(options: Partial<CoreOptions> & { withSample?: boolean } = {}): Promise<TestCore> {
  const root = await mkdtemp(join(tmpdir(), 'strata-test-core-'));
  const resourcesDir = join(root, 'resources');
  if (options.withSample ?? true) {
    await mkdir(join(resourcesDir, 'sample'), { recursive: true });
    const sample = new Database(join(resourcesDir, 'sample', 'strata-sample.sqlite'));
    sample.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      INSERT INTO customers (name) VALUES ('Ada'), ('Grace'), ('Edsger');`);
    sample.close();
  }
  return startOn(root, join(root, 'data'), resourcesDir, options);
}

async function startOn(root: string, dataDir: string, resourcesDir: string, options: Partial<CoreOptions>): Promise<TestCore> {
  const logLines: string[] = [];
  const spoolDir = options.spoolDir ?? join(root, 'spool');
  const core = await createCore({
    dataDir,
    resourcesDir,
    sqliteWorkerPath: resolve('out/main/sqlite-worker.cjs'),
    host: 'web',
    version: '0.0.0-test',
    log: (line) => logLines.push(line),
    ...options,
    spoolDir,
  });
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await core.dispose();
  };
  return {
    core,
    root,
    dataDir,
    resourcesDir,
    spoolDir,
    logLines,
    connect: (clientOptions) => connectTestClient(core, clientOptions),
    dispose,
    async restart(next = {}) {
      await dispose();
      return startOn(root, dataDir, resourcesDir, { ...options, ...next });
    },
    async cleanup() {
      await dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function connectTestClient(core: Core, { autoAck = true }: ClientOptions = {}): TestClient {
  const events: { channel: EventChannel; payload: unknown }[] = [];
  const results: InvokeResult[] = [];
  const waiters = new Set<() => void>();
  const client: CoreClient = core.connectClient((channel, payload) => {
    events.push({ channel, payload });
    for (const wake of waiters) wake();
    const event = payload as QueryEvent;
    if (autoAck && channel === 'query/event' && event.type === 'batch') {
      queueMicrotask(() => void client.invoke('query/ack', { runId: event.runId, batches: 1 }));
    }
  });

  const waitFor = <T>(find: () => T | undefined, what: string): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolvePromise(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Timed out waiting for ${what}`));
      }, 30_000);
      waiters.add(check);
      check();
    });

  const queryEvents = (runId: string) =>
    events.filter((event) => event.channel === 'query/event' && (event.payload as QueryEvent).runId === runId).map((event) => event.payload as QueryEvent);

  const callRaw = async (channel: unknown, input: unknown) => {
    const result = await client.invoke(channel, input);
    results.push(result);
    return result;
  };

  return {
    client,
    events,
    results,
    callRaw,
    async call(channel, input) {
      const result = await callRaw(channel, input);
      if (!result.ok) throw new CallError(result.error);
      return result.value as never;
    },
    queryEvents,
    waitForRunEnd: (runId) =>
      waitFor(() => (queryEvents(runId).some((event) => event.type === 'run-end') ? queryEvents(runId) : undefined), `run-end of ${runId}`),
    waitForEvent: (channel, match) =>
      waitFor(() => events.find((event) => event.channel === channel && match(event.payload as never))?.payload as never, `a ${channel} event`),
  };
}

/** The batch events of one statement, in order. */
export function batchEvents(events: QueryEvent[], index?: number): Extract<QueryEvent, { type: 'batch' }>[] {
  return events.filter((event): event is Extract<QueryEvent, { type: 'batch' }> => event.type === 'batch' && (index === undefined || event.index === index));
}

/** The rows of statement `index` that arrived in batch events, as display text, in order. */
export function streamedRows(events: QueryEvent[], index: number): Cell[][] {
  return batchEvents(events, index).flatMap((event) => batchRows(event.batch));
}

/** The code of the error a call failed with, or "no error". */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (error instanceof CallError) return error.error.code;
    throw error;
  }
}
