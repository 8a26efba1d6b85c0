import { changesData, explainRecipe, isExplainStatement, mentionsName, splitDialectOf, type ExplainRecipe } from '../../../shared/explain/explain-statement';
import { parseMysqlPlan } from '../../../shared/explain/mysql-plan';
import { PlanFormatError, type ParsedPlan, type Plan, type PlanEngine } from '../../../shared/explain/plan';
import { parsePostgresPlan } from '../../../shared/explain/postgres-plan';
import { parseSqlitePlan } from '../../../shared/explain/sqlite-plan';
import { weighPlan } from '../../../shared/explain/weigh';
import type { ErrorDetail } from '../../../shared/errors';
import type { Engine } from '../../../shared/model/connection';
import type { Cell } from '../../../shared/model/query';
import { batchRows } from '../../../shared/result-batch/read';
import { splitStatements } from '../../../shared/sql/split';
import { reportAppQuery, type AppQueryReport } from '../activity/app-query-report';
import type { AppQueryPurpose } from '../../../shared/model/activity';
import type { SqlConnection, SqlDriver } from '../drivers/types';
import { CoreError, toStrataError } from '../errors';
import type { HandlerGroup } from '../host';
import type { OpenDriver } from './connection-service';

export interface ExplainServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
  /** Keeps the connection's pool open (not closed as idle) until the returned function is called. */
  retain: (connectionId: string) => () => void;
  log: (line: string) => void;
  /**
   * Told about each statement this service adds on Strata's behalf (BEGIN and ROLLBACK around an
   * ANALYZE, the catalog check before a MariaDB ANALYZE), never about the EXPLAIN itself.
   */
  onAppQuery?: (connectionId: string, engine: Engine, report: AppQueryReport) => void;
}

export interface ExplainInput {
  connectionId: string;
  sql: string;
  analyze: boolean;
  /** Names the EXPLAIN for query/explain-cancel; without it the EXPLAIN cannot be stopped. */
  explainId?: string;
}

interface RunningExplain {
  clientId: string;
  controller: AbortController;
}

interface Statement {
  sql: string;
  /** Where the statement starts inside the input, to map error positions back onto it. */
  offset: number;
}

/** Tables whose engine cannot roll back (MyISAM, Aria, MEMORY…), outside the server's own schemas. */
const NON_TRANSACTIONAL_TABLES = `SELECT t.TABLE_SCHEMA AS table_schema, t.TABLE_NAME AS table_name, t.ENGINE AS engine
FROM information_schema.TABLES t JOIN information_schema.ENGINES e ON e.ENGINE = t.ENGINE
WHERE t.TABLE_TYPE = 'BASE TABLE' AND COALESCE(e.TRANSACTIONS, 'NO') <> 'YES'
  AND t.TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')`;

/**
 * query/explain: the plan of one statement, read from the engine's machine-readable EXPLAIN and
 * turned into a Plan tree. An ANALYZE executes the statement, so it runs between BEGIN and ROLLBACK.
 * query/explain-cancel stops it the way a run is cancelled: the driver stops the statement on the
 * server, the transaction is rolled back and the session goes back to its pool.
 */
export class ExplainService {
  /** Keyed by client and explain id: a client sees and cancels only its own. */
  private readonly running = new Map<string, RunningExplain>();

  constructor(private readonly options: ExplainServiceOptions) {}

  readonly handlers: HandlerGroup<'query/explain' | 'query/explain-cancel'> = {
    'query/explain': (input, client) => this.explainFor(client.id, input),
    'query/explain-cancel': async ({ explainId }, client) => {
      const explain = this.running.get(explainKey(client.id, explainId));
      if (!explain || explain.controller.signal.aborted) return { cancelled: false };
      explain.controller.abort();
      return { cancelled: true };
    },
  };

  /** Stops the client's EXPLAINs; called when its window or socket goes away. */
  closeClient(clientId: string): void {
    for (const explain of this.running.values()) if (explain.clientId === clientId) explain.controller.abort();
  }

  /** Stops every EXPLAIN. */
  cancelAll(): void {
    for (const explain of this.running.values()) explain.controller.abort();
  }

  private async explainFor(clientId: string, input: ExplainInput): Promise<Plan> {
    if (input.explainId === undefined) return this.explain(input);
    const key = explainKey(clientId, input.explainId);
    if (this.running.has(key)) {
      throw new CoreError('INVALID_INPUT', `An EXPLAIN with id "${input.explainId}" is still going. Give each EXPLAIN its own id.`, {
        issues: [{ path: 'explainId', message: 'This explain id is in use.' }],
      });
    }
    const explain: RunningExplain = { clientId, controller: new AbortController() };
    this.running.set(key, explain);
    try {
      return await this.explain(input, explain.controller.signal);
    } finally {
      if (this.running.get(key) === explain) this.running.delete(key);
    }
  }

  /** The plan of `input.sql`; aborting `signal` stops it and rejects with CANCELLED. */
  async explain(input: ExplainInput, signal: AbortSignal = new AbortController().signal): Promise<Plan> {
    const opened = await this.options.openDriver(input.connectionId);
    const release = this.options.retain(input.connectionId);
    try {
      throwIfCancelled(signal);
      const { profile, driver } = opened;
      const engine = planEngineOf(profile.engine, opened.serverVersion);
      if (driver.kind !== 'sql' || engine === null) {
        throw new CoreError('UNSUPPORTED', `"${profile.name}" is not a SQL database, so it has no query plans to show.`);
      }
      const statement = onlyStatement(input.sql, engine);
      const recipe = explainRecipe(engine, statement.sql, input.analyze);
      if (recipe.kind === 'unsupported') throw new CoreError('UNSUPPORTED', recipe.message);
      const rows = await this.planRows(driver, engine, statement, recipe, this.reporter(input.connectionId, profile.engine), signal);
      const plan = weighPlan(parsePlan(engine, rows));
      return { ...plan, warnings: [...recipe.warnings, ...plan.warnings] };
    } finally {
      release();
    }
  }

  /**
   * Runs the recipe on a session of its own and returns the EXPLAIN output rows. Only the EXPLAIN and
   * the catalog check before it see `signal`: BEGIN and ROLLBACK always run, so a cancelled ANALYZE
   * is still rolled back.
   */
  private async planRows(driver: SqlDriver, engine: PlanEngine, statement: Statement, recipe: Recipe, report: ReportAppQuery, signal: AbortSignal): Promise<Cell[][]> {
    const session = await driver.acquireConnection();
    const explainRows = () =>
      collectRows(session, recipe.sql, signal).catch((error: unknown) => {
        throw withStatementPosition(error, recipe.prefixLength, statement.offset);
      });
    try {
      throwIfCancelled(signal);
      if (engine === 'mariadb' && recipe.rollback && changesData(statement.sql, engine)) {
        await this.refuseNonTransactionalWrites(session, statement.sql, report, signal);
      }
      return recipe.rollback ? await this.inRolledBackTransaction(session, explainRows, report) : await explainRows();
    } finally {
      await session.release().catch((error: unknown) => this.options.log(`Releasing the session of an EXPLAIN failed: ${toStrataError(error).message}`));
    }
  }

  private reporter(connectionId: string, engine: Engine): ReportAppQuery {
    const onAppQuery = this.options.onAppQuery;
    const reporter = onAppQuery && ((entry: AppQueryReport) => onAppQuery(connectionId, engine, entry));
    return (purpose, sql, send) => reportAppQuery(reporter, purpose, sql, send);
  }

  /** A failed ROLLBACK after a failed statement is only logged: the statement's error is the one to show. */
  private async inRolledBackTransaction<T>(session: SqlConnection, work: () => Promise<T>, report: ReportAppQuery): Promise<T> {
    const rollback = () => report('session', 'ROLLBACK', () => collectRows(session, 'ROLLBACK'));
    await report('session', 'BEGIN', () => collectRows(session, 'BEGIN'));
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await rollback().catch((rollbackError: unknown) => this.options.log(`Rolling back an EXPLAIN ANALYZE failed: ${toStrataError(rollbackError).message}`));
      throw error;
    }
    await rollback();
    return result;
  }

  /**
   * MariaDB cannot roll back a MyISAM or Aria table: an ANALYZE that writes one would change data for
   * good. Any such table the statement names stops it before it runs.
   */
  private async refuseNonTransactionalWrites(session: SqlConnection, statement: string, report: ReportAppQuery, signal: AbortSignal): Promise<void> {
    const tables = await report('introspection', NON_TRANSACTIONAL_TABLES, () => collectRows(session, NON_TRANSACTIONAL_TABLES, signal));
    const named = tables.find(([, table]) => table !== null && mentionsName(statement, table));
    if (named) {
      const [schema, table, engine] = named;
      throw new CoreError(
        'UNSUPPORTED',
        `ANALYZE would really run this statement, and ${schema}.${table} uses the ${engine} engine, whose changes a rollback cannot undo. Use Explain (without Analyze) for its plan.`,
      );
    }
  }
}

type ReportAppQuery = <T>(purpose: AppQueryPurpose, sql: string, send: () => Promise<T>) => Promise<T>;
type Recipe = Extract<ExplainRecipe, { kind: 'explain' }>;

/** MySQL and MariaDB share the engine name; the server's version tells them apart ("MariaDB 10.11.19"). */
function planEngineOf(engine: Engine, serverVersion: string): PlanEngine | null {
  switch (engine) {
    case 'postgres':
    case 'sqlite':
      return engine;
    case 'mysql':
      return /mariadb/i.test(serverVersion) ? 'mariadb' : 'mysql';
    default:
      return null;
  }
}

function onlyStatement(sql: string, engine: PlanEngine): Statement {
  const statements = splitStatements(sql, splitDialectOf(engine));
  if (statements.length === 0) throw new CoreError('INVALID_INPUT', 'There is no statement to explain: the text holds only comments or blanks.');
  if (statements.length > 1) {
    throw new CoreError('INVALID_INPUT', `The text holds ${statements.length} statements. Select the one statement to explain, or put the cursor in it.`);
  }
  const [statement] = statements;
  if (isExplainStatement(statement.sql, engine)) {
    throw new CoreError('INVALID_INPUT', 'This statement is already an EXPLAIN. Select the statement itself, without EXPLAIN, to see its plan.');
  }
  return { sql: statement.sql, offset: statement.offset };
}

function explainKey(clientId: string, explainId: string): string {
  return `${clientId}\u0000${explainId}`;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CoreError('CANCELLED', 'The EXPLAIN was cancelled before it reached the server.');
}

/** Runs one statement on the session and returns its rows as text cells. */
async function collectRows(session: SqlConnection, sql: string, signal: AbortSignal = new AbortController().signal): Promise<Cell[][]> {
  const rows: Cell[][] = [];
  await session.execute(
    sql,
    {
      columns: () => undefined,
      batch: (batch) => {
        for (const row of batchRows(batch)) rows.push(row);
      },
      notice: () => undefined,
    },
    signal,
  );
  return rows;
}

function parsePlan(engine: PlanEngine, rows: Cell[][]): ParsedPlan {
  try {
    if (engine === 'sqlite') return parseSqlitePlan(rows);
    const text = rows[0]?.[0];
    if (typeof text !== 'string') throw new PlanFormatError('The server returned no plan.');
    return engine === 'postgres' ? parsePostgresPlan(text) : parseMysqlPlan(text, engine);
  } catch (error) {
    if (error instanceof PlanFormatError) throw new CoreError('UNSUPPORTED', `Strata could not read this plan: ${error.message}`);
    throw error;
  }
}

/**
 * A server's error position counts from the start of what was sent, EXPLAIN prefix included; the
 * caller wants it within the text it gave. A position inside the prefix is dropped.
 */
function withStatementPosition(error: unknown, prefixLength: number, offset: number): unknown {
  if (!(error instanceof CoreError) || error.detail?.position === undefined) return error;
  const { position, ...rest } = error.detail;
  const withinStatement = position - prefixLength;
  const detail: ErrorDetail = withinStatement > 0 ? { ...rest, position: withinStatement + offset } : rest;
  return new CoreError(error.code, error.message, Object.keys(detail).length > 0 ? detail : undefined);
}
