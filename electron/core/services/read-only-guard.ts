import { findReadWriteSwitch } from '../../../shared/sql/read-write-switch';
import type { SplitDialect } from '../../../shared/sql/split';
import { CoreError } from '../errors';

/**
 * The error for a statement a read-only profile must not send: one that would switch its read-only
 * session (or a transaction) to read-write, or change the server's own settings. Null when the
 * statement may run; the server still refuses every write on the read-only session.
 */
export function readWriteSwitchRefusal(sql: string, dialect: SplitDialect): CoreError | null {
  const found = findReadWriteSwitch(sql, dialect);
  if (!found) return null;
  return new CoreError(
    'QUERY',
    `This connection is read-only: Strata does not run statements that switch the session to read-write or change the server's settings, and this one does (${found.form}). Edit the connection to turn read-only off.`,
  );
}
