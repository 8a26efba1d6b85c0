import type { ConnectionDraft } from '../../../../shared/model/connection';

/** MariaDB and MySQL share the protocol but differ in a few settings and catalog details. */
export type ServerFlavor = 'mariadb' | 'mysql';

/** VERSION() reads like "10.11.19-MariaDB-0+deb12u1" or "8.0.36". */
export function flavorOf(version: string): ServerFlavor {
  return /mariadb/i.test(version) ? 'mariadb' : 'mysql';
}

/** "MariaDB 10.11.19", "MySQL 8.0.36": the product and the number users compare. */
export function displayVersion(version: string): string {
  const number = /^\d+(?:\.\d+)*/.exec(version)?.[0] ?? version;
  return `${flavorOf(version) === 'mariadb' ? 'MariaDB' : 'MySQL'} ${number}`;
}

/**
 * The statements that give a new (or freshly reset) session the profile's settings. Only numbers are
 * spliced: the timeout is a validated integer.
 */
export function sessionSettings(profile: Pick<ConnectionDraft, 'readOnly' | 'statementTimeoutMs'>, flavor: ServerFlavor): string[] {
  const statements: string[] = [];
  if (profile.readOnly) statements.push('SET SESSION TRANSACTION READ ONLY');
  const timeoutMs = Math.trunc(profile.statementTimeoutMs);
  if (timeoutMs > 0) {
    statements.push(flavor === 'mariadb' ? `SET SESSION max_statement_time = ${timeoutMs / 1000}` : `SET SESSION max_execution_time = ${timeoutMs}`);
  }
  return statements;
}
