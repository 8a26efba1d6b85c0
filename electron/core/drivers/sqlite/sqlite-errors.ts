import type { StrataError } from '../../../../shared/errors';

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A failure while opening the database file, as the message a user sees in the connection dialog. */
export function openFailure(error: unknown, filePath: string, readOnly: boolean): StrataError {
  const code = errorCode(error) ?? '';
  if (code === 'SQLITE_NOTADB') {
    return { code: 'CONNECTION', message: `"${filePath}" is not a SQLite database. Choose a SQLite database file.`, detail: { sqlState: code } };
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    const access = readOnly ? 'read' : 'read and write';
    return {
      code: 'CONNECTION',
      message: `Could not open "${filePath}". Check that it is a file you are allowed to ${access}.`,
      detail: { sqlState: code },
    };
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return { code: 'CONNECTION', message: `"${filePath}" is damaged: ${errorMessage(error)}. Open a backup of the file.`, detail: { sqlState: code } };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'CONNECTION',
      message: `"${filePath}" is locked by another program: ${errorMessage(error)}. Close the other program's transaction and try again.`,
      detail: { sqlState: code },
    };
  }
  return {
    code: 'CONNECTION',
    message: `Could not open "${filePath}": ${errorMessage(error)}.`,
    ...(code ? { detail: { sqlState: code } } : {}),
  };
}

/** A failing statement: SQLite's own message, with its result code as sqlState. */
export function statementFailure(error: unknown, readOnly: boolean): StrataError {
  const code = errorCode(error);
  const sqliteCode = code?.startsWith('SQLITE_') ? code : undefined;
  const hint =
    readOnly && sqliteCode?.startsWith('SQLITE_READONLY')
      ? 'This connection is read-only. Turn off read-only in the connection settings to change data.'
      : undefined;
  const detail = { ...(sqliteCode ? { sqlState: sqliteCode } : {}), ...(hint ? { hint } : {}) };
  return { code: 'QUERY', message: errorMessage(error), ...(Object.keys(detail).length > 0 ? { detail } : {}) };
}
