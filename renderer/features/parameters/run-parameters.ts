import type { Engine } from '../../../shared/model/connection';
import { parameterNames } from '../../../shared/sql/parameters';
import { splitStatements, type SplitDialect } from '../../../shared/sql/split';

/** A value for one parameter, as query/run takes it; null is SQL NULL. */
export interface ParameterValue {
  name: string;
  value: string | null;
}

/** What a script needs before it can run: nothing, values for these names, or to be run one statement at a time. */
export type ParameterNeed = { kind: 'none' } | { kind: 'values'; names: string[] } | { kind: 'several-statements'; statements: number };

const DIALECTS: Partial<Record<Engine, SplitDialect>> = { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite' };

/** Finds the parameters of the script about to run; engines without SQL have none. */
export function parameterNeed(sql: string, engine: Engine): ParameterNeed {
  const dialect = DIALECTS[engine];
  if (!dialect) return { kind: 'none' };
  const statements = splitStatements(sql, dialect);
  const withParameters = statements.map((statement) => parameterNames(statement.sql, dialect));
  if (!withParameters.some((names) => names.length > 0)) return { kind: 'none' };
  if (statements.length > 1) return { kind: 'several-statements', statements: statements.length };
  return { kind: 'values', names: withParameters[0] };
}
