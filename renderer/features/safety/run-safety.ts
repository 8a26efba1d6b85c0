import { confirmsDestructive, type ConnectionProfile, type Engine } from '../../../shared/model/connection';
import { findDestructiveStatements, type DestructiveStatement } from '../../../shared/sql/destructive';
import type { SplitDialect } from '../../../shared/sql/split';

/** What the check needs to know about the connection a script runs on. */
export type SafetyProfile = Pick<ConnectionProfile, 'name' | 'engine' | 'database' | 'production' | 'confirmDestructive'>;

/** What the confirmation dialog shows and asks for. */
export interface DestructiveConfirmationRequest {
  connectionName: string;
  production: boolean;
  statements: DestructiveStatement[];
  /** Production only: the texts that enable Run once typed (the connection's name, or its database's). */
  typeToConfirm: string[];
}

export type RunSafety = { kind: 'run' } | { kind: 'confirm'; request: DestructiveConfirmationRequest };

const SQL_DIALECTS: Partial<Record<Engine, SplitDialect>> = { postgres: 'postgres', mysql: 'mysql', sqlite: 'sqlite' };
const RUN: RunSafety = { kind: 'run' };

/**
 * Whether a script may run at once or needs the user's confirmation first. Connections that turned
 * confirmations off run at once, unless they are production connections, which always confirm.
 */
export function checkRunSafety(sql: string, profile: SafetyProfile): RunSafety {
  const dialect = SQL_DIALECTS[profile.engine];
  if (!dialect || !confirmsDestructive(profile)) return RUN;
  const statements = findDestructiveStatements(sql, dialect, { production: profile.production });
  if (statements.length === 0) return RUN;
  const typeToConfirm = profile.production ? [...new Set([profile.name.trim(), profile.database.trim()])].filter((text) => text !== '') : [];
  return { kind: 'confirm', request: { connectionName: profile.name, production: profile.production, statements, typeToConfirm } };
}

/** Whether Run is enabled: always for ordinary connections; on production once the name is typed exactly. */
export function isConfirmationTyped(request: DestructiveConfirmationRequest, typed: string): boolean {
  if (!request.production) return true;
  return request.typeToConfirm.includes(typed.trim());
}
