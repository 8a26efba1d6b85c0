import { randomUUID } from 'node:crypto';
import type { Engine } from '../../../shared/model/connection';
import type { PathSegment } from '../../../shared/model/schema';
import { reportAppQuery, type AppQueryReport } from '../activity/app-query-report';
import { CoreError } from '../errors';
import type { HandlerGroup } from '../host';
import { ImportRun } from '../import/import-run';
import { importTableName } from '../import/import-target';
import { requireRollback } from '../import/rollback-check';
import type { ClientContext } from './client-context';
import type { OpenDriver } from './connection-service';

/** An import that receives no call for this long is rolled back. */
export const DEFAULT_IMPORT_IDLE_MS = 5 * 60_000;

export interface ImportServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
  /** Keeps the connection's pool open (not closed as idle) until the returned function is called. */
  retain: (connectionId: string) => () => void;
  log: (line: string) => void;
  /** Told about the transaction statements (BEGIN, SAVEPOINT, COMMIT, ROLLBACK) an import adds. */
  onAppQuery?: (connectionId: string, engine: Engine, report: AppQueryReport) => void;
  idleMs?: number;
}

interface OpenImport {
  clientId: string;
  run: ImportRun;
  idleTimer: NodeJS.Timeout | null;
}

interface BeginInput {
  connectionId: string;
  path: PathSegment[];
  columns: string[];
}

interface RowsInput {
  importId: string;
  firstLine: number;
  lines?: number[];
  rows: (string | null)[][];
}

type ImportChannel = 'import/begin' | 'import/rows' | 'import/commit' | 'import/abort';

/**
 * import/*: CSV rows into a table, all in one transaction on a session of their own. Nothing is
 * committed unless every row went in; an import left open by a closed client, or idle too long, is
 * rolled back. A table whose storage engine cannot roll back is refused before the first row.
 */
export class ImportService {
  private readonly imports = new Map<string, OpenImport>();

  constructor(private readonly options: ImportServiceOptions) {}

  readonly handlers: HandlerGroup<ImportChannel> = {
    'import/begin': (input, client) => this.begin(input, client),
    'import/rows': async (input, client) => ({ inserted: await this.rows(input, client) }),
    'import/commit': async ({ importId }, client) => {
      const open = this.find(importId, client);
      this.pause(open);
      return { inserted: await open.run.commit() };
    },
    'import/abort': async ({ importId }, client) => {
      const open = this.imports.get(importId);
      if (!open || open.clientId !== client.id) return { aborted: false };
      return { aborted: await open.run.abort() };
    },
  };

  /** Rolls back every import of a closed client. */
  async closeClient(clientId: string): Promise<void> {
    await Promise.all([...this.imports.values()].filter((open) => open.clientId === clientId).map((open) => open.run.abort()));
  }

  async abortAll(): Promise<void> {
    await Promise.all([...this.imports.values()].map((open) => open.run.abort()));
  }

  private async begin(input: BeginInput, client: ClientContext): Promise<{ importId: string }> {
    if (new Set(input.columns).size !== input.columns.length) {
      throw new CoreError('INVALID_INPUT', 'Each table column can receive one CSV column only; a column is mapped twice.');
    }
    const opened = await this.options.openDriver(input.connectionId);
    const { profile, driver } = opened;
    if (driver.kind !== 'sql') throw new CoreError('UNSUPPORTED', `CSV import works on SQL databases only; "${profile.name}" is not one.`);
    if (profile.readOnly) throw new CoreError('UNSUPPORTED', `"${profile.name}" is a read-only connection, so nothing can be imported into it. Edit the connection to turn read-only off.`);
    const table = importTableName(profile, input.path);
    await requireRollback(driver, profile.engine, input.path);
    const releasePool = this.options.retain(input.connectionId);
    const importId = randomUUID();
    let session;
    try {
      session = await driver.acquireConnection();
    } catch (error) {
      releasePool();
      throw error;
    }
    const onAppQuery = this.options.onAppQuery;
    const reporter = onAppQuery && ((report: AppQueryReport) => onAppQuery(input.connectionId, profile.engine, report));
    const run = new ImportRun({
      engine: profile.engine,
      table,
      columns: input.columns,
      session,
      runControl: (sql, send) => reportAppQuery(reporter, 'session', sql, send),
      onEnded: () => {
        const open = this.imports.get(importId);
        if (open) this.pause(open);
        this.imports.delete(importId);
        releasePool();
      },
      log: this.options.log,
    });
    const open: OpenImport = { clientId: client.id, run, idleTimer: null };
    this.imports.set(importId, open);
    await run.begin();
    this.arm(open);
    return { importId };
  }

  private async rows(input: RowsInput, client: ClientContext): Promise<number> {
    const open = this.find(input.importId, client);
    const lines = input.lines ?? input.rows.map((_, index) => input.firstLine + index);
    if (lines.length !== input.rows.length) {
      throw new CoreError('INVALID_INPUT', `The batch has ${input.rows.length} rows but ${lines.length} line numbers.`);
    }
    const columnCount = open.run.columnCount;
    const short = input.rows.findIndex((row) => row.length !== columnCount);
    if (short >= 0) {
      await open.run.abort();
      throw new CoreError('INVALID_INPUT', `Line ${lines[short]} has ${input.rows[short].length} values where ${columnCount} columns are imported. Nothing was imported.`);
    }
    this.pause(open);
    const inserted = await open.run.insert({ rows: input.rows, lines });
    this.arm(open);
    return inserted;
  }

  private find(importId: string, client: ClientContext): OpenImport {
    const open = this.imports.get(importId);
    if (!open || open.clientId !== client.id || open.run.isEnded) {
      throw new CoreError('NOT_FOUND', 'This import is no longer open: it was committed, cancelled, rolled back after an error, or rolled back after sitting idle.');
    }
    return open;
  }

  private pause(open: OpenImport): void {
    if (open.idleTimer) clearTimeout(open.idleTimer);
    open.idleTimer = null;
  }

  private arm(open: OpenImport): void {
    this.pause(open);
    if (open.run.isEnded) return;
    const idleMs = this.options.idleMs ?? DEFAULT_IMPORT_IDLE_MS;
    open.idleTimer = setTimeout(() => {
      this.options.log(`A CSV import received nothing for ${Math.round(idleMs / 1000)} s and was rolled back.`);
      void open.run.abort();
    }, idleMs);
    open.idleTimer.unref?.();
  }
}
