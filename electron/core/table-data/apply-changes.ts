import type { PlannedStatement } from '../../../shared/sql/dml';
import type { SqlEngine, TableApplyResult } from '../../../shared/sql/table-query';
import type { SqlConnection } from '../drivers/types';
import { CoreError, toStrataError } from '../errors';
import { runStatement } from './run-statement';

export interface PlannedChange {
  change: number;
  statement: PlannedStatement;
}

function beginSql(engine: SqlEngine): string {
  return engine === 'mysql' ? 'START TRANSACTION' : 'BEGIN';
}

function conflictMessage(statement: PlannedStatement, affected: number | null): string {
  if (statement.check === 'finds-row') return 'The row was changed or deleted by someone else since it was loaded: no row matches its original values.';
  if (affected === 0) return 'The row was changed or deleted by someone else since it was loaded: the statement affected 0 rows.';
  return `The statement affected ${affected ?? 'an unknown number of'} rows instead of 1, so the key did not identify one row.`;
}

/**
 * Runs every planned statement in one transaction on `session`. A statement that fails, or whose row
 * is gone or changed (its check fails), rolls back everything and is reported; otherwise it commits.
 */
export async function applyInTransaction(session: SqlConnection, engine: SqlEngine, plan: PlannedChange[], log: (line: string) => void): Promise<TableApplyResult> {
  await runStatement(session, beginSql(engine));
  const rollBack = async () => {
    try {
      await runStatement(session, 'ROLLBACK');
    } catch (error) {
      log(`Rolling back a table edit failed: ${toStrataError(error).message}`);
    }
  };
  for (const [index, { change, statement }] of plan.entries()) {
    let failure: { reason: 'conflict' | 'error'; message: string } | null = null;
    try {
      const { batches, summary } = await runStatement(session, statement.sql, statement.params);
      const found = batches.reduce((sum, batch) => sum + batch.rowCount, 0);
      if (statement.check === 'affects-row' && summary.affectedRows !== 1) failure = { reason: 'conflict', message: conflictMessage(statement, summary.affectedRows) };
      if (statement.check === 'finds-row' && found === 0) failure = { reason: 'conflict', message: conflictMessage(statement, 0) };
    } catch (error) {
      // A lost session cannot roll back or report more than the loss itself.
      if (!(error instanceof CoreError) || error.code === 'CONNECTION') {
        await rollBack();
        throw error;
      }
      failure = { reason: 'error', message: toStrataError(error).message };
    }
    if (failure) {
      await rollBack();
      return { status: 'rolled-back', change, statement: index, sql: statement.sql, ...failure };
    }
  }
  try {
    await runStatement(session, 'COMMIT');
  } catch (error) {
    await rollBack();
    return { status: 'rolled-back', change: plan.at(-1)?.change ?? 0, statement: plan.length, sql: 'COMMIT', reason: 'error', message: toStrataError(error).message };
  }
  return { status: 'applied', changes: new Set(plan.map((planned) => planned.change)).size, statements: plan.length };
}
