import type { PathSegment } from '../../../shared/model/schema';
import { planChanges, tableDmlOptions, type TableChange } from '../../../shared/sql/dml';
import { parseBitInput } from '../../../shared/sql/bit-columns';
import {
  cappedCountSql,
  selectRowsSql,
  statisticsEstimateSql,
  VALUELESS_OPERATORS,
  type SqlEngine,
  type TableApplyResult,
  type TableColumn,
  type TableEstimate,
  type TableFilter,
  type TableRowsPage,
  type TableSort,
} from '../../../shared/sql/table-query';
import { columnValueType, filterValue, TEXT_VALUES, type ValueType } from '../../../shared/sql/value-types';
import type { ResultBatch } from '../../../shared/result-batch/format';
import { BatchReader } from '../../../shared/result-batch/read';
import type { SqlConnection, SqlDriver } from '../drivers/types';
import { CoreError, toStrataError } from '../errors';
import type { HandlerGroup } from '../host';
import { applyInTransaction } from '../table-data/apply-changes';
import { blobCellsOf, blobCellsOfKinds } from '../table-data/blob-cells';
import { joinBatches } from '../table-data/join-batches';
import { runStatement } from '../table-data/run-statement';
import { tableName, tableShape, type TableShape } from '../table-data/table-shape';
import type { OpenDriver } from './connection-service';

export interface TableDataServiceOptions {
  openDriver: (connectionId: string) => Promise<OpenDriver>;
  /** Keeps the connection's pool open (not closed as idle) until the returned function is called. */
  retain: (connectionId: string) => () => void;
  log: (line: string) => void;
  /** Row counts up to this are counted exactly; EXACT_COUNT_CAP when absent. */
  exactCountCap?: number;
}

export interface RowsInput {
  connectionId: string;
  path: PathSegment[];
  filters: TableFilter[];
  sort: TableSort[];
  offset: number;
  limit: number;
}

export interface ApplyInput {
  connectionId: string;
  path: PathSegment[];
  keyColumns: string[];
  changes: TableChange[];
}

/** Row counts up to this are counted exactly; larger tables show the engine's estimate. */
export const EXACT_COUNT_CAP = 100_000;
/** SQLite's default SQLITE_MAX_COLUMN, which also caps a result's columns. */
const SQLITE_MAX_COLUMNS = 2000;

interface Target {
  engine: SqlEngine;
  driver: SqlDriver;
  shape: TableShape;
  readOnlyConnection: string | null;
}

/**
 * table/rows, table/estimate and table/apply: a table's rows a page at a time, filtered and sorted by
 * the server, and pending edits applied in one transaction that either commits all or none.
 */
export class TableDataService {
  constructor(private readonly options: TableDataServiceOptions) {}

  readonly handlers: HandlerGroup<'table/rows' | 'table/estimate' | 'table/apply'> = {
    'table/rows': (input) => this.rows(input),
    'table/estimate': (input) => this.estimate(input.connectionId, input.path, input.filters ?? []),
    'table/apply': (input) => this.apply(input),
  };

  async rows(input: RowsInput): Promise<TableRowsPage> {
    return this.withTarget(input.connectionId, input.path, async ({ engine, driver, shape, readOnlyConnection }) => {
      const known = new Set(shape.columns.map((column) => column.name));
      for (const { column } of input.sort) requireColumn(known, column);
      const valueType = this.checkedFilters(shape, input.filters);
      // Any SQLite column may hold a blob: each row says which of its values are blobs, when the
      // result has room for one more column.
      const blobMask = engine === 'sqlite' && shape.columns.length < SQLITE_MAX_COLUMNS;
      const query = selectRowsSql(engine, shape.name, {
        columns: shape.columns.map((column) => column.name),
        filters: input.filters,
        sort: input.sort,
        keyColumns: shape.keyColumns,
        offset: input.offset,
        limit: input.limit + 1,
        blobMask,
        valueType,
      });
      const { batches } = await this.onSession(driver, (session) => runStatement(session, query.sql, query.params));
      const fetched = batches.reduce((sum, batch) => sum + batch.rowCount, 0);
      const page: TableRowsPage = {
        columns: shape.columns,
        keyColumns: shape.keyColumns,
        readOnlyReason: readOnlyConnection ?? shape.keyProblem,
        batches: [joinBatches(batches, shape.columns.length, input.limit)],
        offset: input.offset,
        hasMore: fetched > input.limit,
      };
      if (blobMask) page.blobCells = blobCellsOf(batches, shape.columns.length, input.limit);
      else if (engine === 'sqlite') page.blobCells = blobCellsOfKinds(page.batches[0]);
      return page;
    });
  }

  /** The table's row count or, with filters, the count of the rows they match. */
  async estimate(connectionId: string, path: PathSegment[], filters: TableFilter[] = []): Promise<TableEstimate> {
    return this.withTarget(connectionId, path, ({ engine, driver, shape }) => {
      const valueType = this.checkedFilters(shape, filters);
      return this.onSession(driver, async (session) => {
        const cap = this.options.exactCountCap ?? EXACT_COUNT_CAP;
        const count = cappedCountSql(engine, shape.name, cap, filters, valueType);
        const counted = firstNumber(await runStatement(session, count.sql, count.params));
        if (counted !== null && counted <= cap) return { rows: counted, exact: true };
        // The engine's statistics know the table, not what a filter matches.
        if (filters.length > 0) return { rows: cap + 1, exact: false, atLeast: true };
        const statistics = statisticsEstimateSql(engine, shape.name);
        const estimated = await runStatement(session, statistics.sql, statistics.params).then(firstNumber, () => null);
        return { rows: Math.max(estimated ?? 0, cap + 1), exact: false };
      });
    });
  }

  async apply(input: ApplyInput): Promise<TableApplyResult> {
    return this.withTarget(input.connectionId, input.path, async ({ engine, driver, shape, readOnlyConnection }) => {
      const refusal = readOnlyConnection ?? shape.keyProblem;
      if (refusal) throw new CoreError('UNSUPPORTED', refusal);
      if (!sameColumns(input.keyColumns, shape.keyColumns)) {
        throw new CoreError('INVALID_INPUT', `The table's row key is now (${shape.keyColumns.join(', ')}), not what was loaded. Reload the rows and make the changes again.`);
      }
      if (input.changes.length === 0) throw new CoreError('INVALID_INPUT', 'There are no changes to apply.');
      const columns = new Map(shape.columns.map((column) => [column.name, column]));
      // SQLite keeps a blob in any column; elsewhere only binary columns take bytes.
      const takesBytes = engine === 'sqlite' ? () => true : (column: string) => columns.get(column)?.binary === true;
      for (const change of input.changes) checkChange(change, columns, shape.keyColumns, takesBytes);
      const plan = planChanges(engine, shape.name, input.changes, tableDmlOptions(engine, shape.columns));
      return this.onSession(driver, (session) => applyInTransaction(session, engine, plan, this.options.log));
    });
  }

  /** Checks that each filter names a column and suits its type; returns the columns' value types. */
  private checkedFilters(shape: TableShape, filters: TableFilter[]): (column: string) => ValueType {
    const known = new Set(shape.columns.map((column) => column.name));
    const types = new Map(shape.columns.map((column) => [column.name, columnValueType(column)]));
    const valueType = (column: string) => types.get(column) ?? TEXT_VALUES;
    for (const filter of filters) {
      requireColumn(known, filter.column);
      checkFilter(filter, valueType(filter.column));
    }
    return valueType;
  }

  private async withTarget<T>(connectionId: string, path: PathSegment[], work: (target: Target) => Promise<T>): Promise<T> {
    const opened = await this.options.openDriver(connectionId);
    const release = this.options.retain(connectionId);
    try {
      const { profile, driver } = opened;
      const engine = profile.engine;
      if (driver.kind !== 'sql' || (engine !== 'postgres' && engine !== 'mysql' && engine !== 'sqlite')) {
        throw new CoreError('UNSUPPORTED', `"${profile.name}" is not a SQL database: it has no tables to show here.`);
      }
      const name = tableName(engine, path, profile.database);
      const detail = await driver.createIntrospector().tableDetail(path);
      const readOnlyConnection = profile.readOnly ? `"${profile.name}" is a read-only connection: its data cannot be edited.` : null;
      return await work({ engine, driver, shape: tableShape(engine, detail, name), readOnlyConnection });
    } finally {
      release();
    }
  }

  private async onSession<T>(driver: SqlDriver, work: (session: SqlConnection) => Promise<T>): Promise<T> {
    const session = await driver.acquireConnection();
    try {
      return await work(session);
    } finally {
      await session.release().catch((error: unknown) => this.options.log(`Releasing a table-data session failed: ${toStrataError(error).message}`));
    }
  }
}

function requireColumn(known: Set<string>, column: string): void {
  if (!known.has(column)) throw new CoreError('INVALID_INPUT', `The table has no column "${column}". Reload it: it may have changed.`);
}

function sameColumns(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((column) => b.includes(column));
}

/** A filter's value must have its column's form: hex for bytes, a number that fits for BIT. */
function checkFilter(filter: TableFilter, type: ValueType): void {
  if (VALUELESS_OPERATORS.includes(filter.operator)) return;
  const value = filterValue(type, filter.operator, filter.value);
  if (!value.ok) throw new CoreError('INVALID_INPUT', `The filter on "${filter.column}" cannot be applied: ${value.message}`);
}

/**
 * Every column a change names must exist, values given as hex must be for columns that hold bytes,
 * values of BIT columns must be whole numbers that fit, and updates and deletes must name exactly the key.
 */
function checkChange(change: TableChange, columns: Map<string, TableColumn>, keyColumns: string[], takesBytes: (column: string) => boolean): void {
  const named: { column: string; value: string | null; encoding?: 'hex' }[] =
    change.kind === 'insert' ? change.values : change.kind === 'update' ? [...change.key, ...change.set, ...change.set.map(({ column, original, encoding }) => ({ column, value: original, encoding }))] : change.key;
  const known = new Set(columns.keys());
  for (const { column, value, encoding } of named) {
    requireColumn(known, column);
    if (encoding === 'hex' && !takesBytes(column)) {
      throw new CoreError('INVALID_INPUT', `The column "${column}" does not hold bytes, so its value cannot be given as hex. Reload the rows: the table may have changed.`);
    }
    const bits = columns.get(column)?.bitWidth;
    if (bits !== undefined && value !== null) checkBits(column, value, bits);
  }
  if (change.kind !== 'insert' && !sameColumns(change.key.map(({ column }) => column), keyColumns)) {
    throw new CoreError('INVALID_INPUT', `Each changed or deleted row must be identified by its key (${keyColumns.join(', ')}).`);
  }
}

/** A BIT value travels as the decimal digits of its number, which must fit the column. */
function checkBits(column: string, value: string, width: number): void {
  const parsed = parseBitInput(value, width);
  if (!parsed.ok || parsed.value !== value) {
    const why = parsed.ok ? 'BIT values are sent as whole numbers in decimal digits.' : parsed.message;
    throw new CoreError('INVALID_INPUT', `The value for the BIT column "${column}" is not valid: ${why}`);
  }
}

/** The first cell of a statement's result as a number, when it is one. */
function firstNumber({ batches }: { batches: ResultBatch[] }): number | null {
  const first = batches.find((batch) => batch.rowCount > 0);
  if (!first) return null;
  const cell = new BatchReader(first).cell(0, 0);
  const number = cell === null ? NaN : Number.parseFloat(cell);
  return Number.isFinite(number) && number >= 0 ? Math.round(number) : null;
}
