import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelInput, ChannelOutput, InvokeChannel } from '../../../shared/ipc/contract';
import type { StrataError } from '../../../shared/errors';
import { lazyAppDatabase } from '../../../electron/core/history/lazy-app-database';
import { openAppDatabase, type AppDatabase } from '../../../electron/core/history/app-database';
import type { HistoryLimits } from '../../../electron/core/history/history-limits';
import type { HistoryRecord } from '../../../electron/core/history/history-record';
import { createHost, type Handlers } from '../../../electron/core/host';
import { HistoryService } from '../../../electron/core/services/history-service';
import { createSavedQueryHandlers } from '../../../electron/core/services/saved-query-service';

/** The history and saved-query channels over a real app store in a temporary data directory, through the real host. */
export interface HistoryKit {
  dataDir: string;
  database: AppDatabase;
  history: HistoryService;
  logLines: string[];
  call<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The error a call fails with; the test fails if it succeeds. */
  fail(channel: InvokeChannel, input: unknown): Promise<StrataError>;
  /** Closes the store and opens it again from the same directory. */
  reopen(limits?: Partial<HistoryLimits>): void;
  close(): void;
}

const kits: { dataDir: string; close(): void }[] = [];

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'strata-history-'));
}

export async function openKit(options: { dataDir?: string; limits?: Partial<HistoryLimits> } = {}): Promise<HistoryKit> {
  const dataDir = options.dataDir ?? (await makeDataDir());
  const logLines: string[] = [];
  const log = (line: string) => logLines.push(line);
  const client = { id: 'test-client', emit: () => undefined };

  const build = (limits?: Partial<HistoryLimits>) => {
    const database = openAppDatabase({ dataDir, log, limits });
    const lazy = lazyAppDatabase(() => database);
    const history = new HistoryService({ database: lazy, log });
    const handlers = { ...history.handlers, ...createSavedQueryHandlers(lazy) } as unknown as Handlers;
    return { database, history, host: createHost(handlers, log) };
  };
  let current = build(options.limits);

  const kit: HistoryKit = {
    dataDir,
    logLines,
    get database() {
      return current.database;
    },
    get history() {
      return current.history;
    },
    async call(channel, input) {
      const result = await current.host.invoke(channel, input, client);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as never;
    },
    async fail(channel, input) {
      const result = await current.host.invoke(channel, input, client);
      if (result.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return result.error;
    },
    reopen(limits) {
      current.database.close();
      current = build(limits ?? options.limits);
    },
    close() {
      current.database.close();
    },
  };
  kits.push(kit);
  return kit;
}

/** Closes every kit's store and deletes its directory; call from afterEach. */
export async function cleanupKits(): Promise<void> {
  for (const kit of kits.splice(0)) {
    kit.close();
    await rm(kit.dataDir, { recursive: true, force: true });
  }
}

let clock = Date.parse('2025-03-01T12:00:00.000Z');

/** A statement as the query service reports it; each call starts one second after the previous one. */
export function statement(overrides: Partial<HistoryRecord> = {}): HistoryRecord {
  clock += 1000;
  return {
    connectionId: 'pg-local',
    connectionName: 'Local PostgreSQL',
    sql: 'SELECT 1',
    startedAt: clock,
    durationMs: 1.25,
    rowCount: 1,
    affectedRows: null,
    status: 'ok',
    errorMessage: null,
    ...overrides,
  };
}
