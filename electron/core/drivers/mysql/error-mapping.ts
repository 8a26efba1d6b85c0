import type { SslMode } from '../../../../shared/model/connection';
import { CoreError } from '../../errors';
import { closedDriverError } from '../handed-out-sessions';
import { hostMismatchError, untrustedCertificateError } from '../tls/certificate-errors';
import type { ServerAddress } from './client-config';
import { syntaxErrorPosition } from './error-position';

/** What a message may name. Never the password. */
export interface ErrorContext {
  address: ServerAddress;
  database: string | null;
  sslMode: SslMode;
  /** The CA certificate file the SSL mode trusts instead of the system's store. */
  caFile?: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  readOnly: boolean;
  /** Strata asked the server to stop the statement, so an interruption is the user's cancel. */
  cancelRequested?: boolean;
  /** The user's statement when the error is that statement's: positions are computed within it. */
  statement?: string;
}

/** Thrown when no pooled session became free in time; see pool-calls.ts. */
export class SessionWaitTimeout extends Error {
  constructor() {
    super('No session became free in time');
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const UNKNOWN_HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'PROTOCOL_CONNECTION_LOST']);
const CLOSED_STATE_MESSAGES = ["Can't add new command when connection is in closed state", "Can't write in closed state"];

/** Server error numbers (include/mysqld_error.h, MariaDB's and MySQL's). */
const ER = {
  DBACCESS_DENIED: 1044,
  ACCESS_DENIED: 1045,
  BAD_DB: 1049,
  SERVER_SHUTDOWN: 1053,
  PARSE: 1064,
  CON_COUNT: 1040,
  HOST_IS_BLOCKED: 1129,
  HOST_NOT_PRIVILEGED: 1130,
  NOT_SUPPORTED_AUTH_MODE: 1251,
  QUERY_INTERRUPTED: 1317,
  ACCESS_DENIED_NO_PASSWORD: 1698,
  READ_ONLY_TRANSACTION: 1792,
  MUST_CHANGE_PASSWORD_LOGIN: 1862,
  CONNECTION_KILLED: 1927,
  MARIADB_STATEMENT_TIMEOUT: 1969,
  MYSQL_QUERY_TIMEOUT: 3024,
  SECURE_TRANSPORT_REQUIRED: 3159,
  CLIENT_INTERACTION_TIMEOUT: 4031,
} as const;

interface Mysql2Error extends Error {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  /** Set by Node's certificate identity check. */
  host?: unknown;
  cert?: unknown;
}

/** Turns whatever mysql2 or the server threw into a CoreError a user can act on. */
export function toCoreError(error: unknown, context: ErrorContext): CoreError {
  if (error instanceof CoreError) return error;
  if (!(error instanceof Error)) return new CoreError('INTERNAL', `MySQL driver error: ${String(error)}`);
  const failure = error as Mysql2Error;
  if (typeof failure.sqlState === 'string' && typeof failure.errno === 'number' && failure.errno > 0) return fromServerError(failure, context);
  return fromClientError(failure, context);
}

export function cancelledError(): CoreError {
  return new CoreError('CANCELLED', 'The query was cancelled.');
}

export function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function where(context: ErrorContext): string {
  return `${context.address.host}:${context.address.port}`;
}

function connectionLost(detail: string): CoreError {
  return new CoreError('CONNECTION', `The server closed the connection (${detail}). Run the query again.`);
}

function fromServerError(error: Mysql2Error, context: ErrorContext): CoreError {
  const message = error.sqlMessage ?? error.message;
  const user = context.address.user;
  const inStatement = context.statement !== undefined;
  switch (error.errno) {
    case ER.ACCESS_DENIED:
    case ER.ACCESS_DENIED_NO_PASSWORD:
      return accessDenied(message, context);
    case ER.HOST_NOT_PRIVILEGED:
      return new CoreError('AUTH', `The server does not let user "${user}" connect from this host (${message}). Ask the administrator to allow it.`);
    case ER.NOT_SUPPORTED_AUTH_MODE:
    case ER.MUST_CHANGE_PASSWORD_LOGIN:
      return new CoreError('AUTH', `The server refused the login of user "${user}": ${message}`);
    case ER.SECURE_TRANSPORT_REQUIRED:
      return new CoreError('TLS', `The server requires an encrypted connection (${message}). Choose SSL mode 'require' or 'verify-full'.`);
    case ER.CON_COUNT:
      return new CoreError('CONNECTION', `The server at ${where(context)} has no free connections (${message}). Close other sessions or ask the administrator to raise max_connections.`);
    case ER.HOST_IS_BLOCKED:
      return new CoreError('CONNECTION', `The server at ${where(context)} blocks this host (${message}). Ask the administrator to run FLUSH HOSTS.`);
    case ER.QUERY_INTERRUPTED:
      if (context.cancelRequested) return cancelledError();
      return new CoreError('CANCELLED', `The server stopped the statement (${message}): another session ran KILL QUERY.`);
    case ER.MARIADB_STATEMENT_TIMEOUT:
    case ER.MYSQL_QUERY_TIMEOUT:
      if (context.cancelRequested) return cancelledError();
      return timeoutError(context);
    case ER.SERVER_SHUTDOWN:
    case ER.CONNECTION_KILLED:
    case ER.CLIENT_INTERACTION_TIMEOUT:
      if (context.cancelRequested) return cancelledError();
      return connectionLost(message);
  }
  if (!inStatement) {
    if (error.errno === ER.BAD_DB) {
      return new CoreError('NOT_FOUND', `Database "${context.database ?? ''}" does not exist. Check the database name in the connection settings.`);
    }
    if (error.errno === ER.DBACCESS_DENIED) {
      return new CoreError('AUTH', `User "${user}" may not use database "${context.database ?? ''}" (${message}). Ask the administrator for access or choose another database.`);
    }
  }
  if (error.errno === ER.READ_ONLY_TRANSACTION && context.readOnly) {
    return new CoreError(
      'QUERY',
      `This connection is read-only, so the server refuses to change anything (${message}). Turn off read-only in the connection settings to make changes.`,
      { sqlState: error.sqlState },
    );
  }
  const detail: { position?: number; sqlState?: string } = {};
  if (error.sqlState) detail.sqlState = error.sqlState;
  if (error.errno === ER.PARSE && context.statement !== undefined) {
    const position = syntaxErrorPosition(message, context.statement);
    if (position !== undefined) detail.position = position;
  }
  return new CoreError('QUERY', message, detail);
}

/** An account created with REQUIRE SSL (or a server with require_secure_transport) refuses plain TCP with this same error. */
function accessDenied(message: string, context: ErrorContext): CoreError {
  const tlsHint =
    context.sslMode === 'disable' ? " If the account accepts only encrypted connections, choose SSL mode 'require' or 'verify-full'." : '';
  return new CoreError(
    'AUTH',
    `The server refused user "${context.address.user}" (${message}). Check the user name and password in the connection settings.${tlsHint}`,
  );
}

function timeoutError(context: ErrorContext): CoreError {
  const limit = context.statementTimeoutMs > 0 ? ` (${formatDuration(context.statementTimeoutMs)})` : '';
  return new CoreError(
    'TIMEOUT',
    `The statement ran longer than the statement timeout${limit} and was stopped. Raise the timeout in the connection settings if it needs more time.`,
  );
}

function fromClientError(error: Mysql2Error, context: ErrorContext): CoreError {
  const code = error.code ?? '';
  if (context.cancelRequested) return cancelledError();
  if (error instanceof SessionWaitTimeout) {
    return new CoreError(
      'TIMEOUT',
      `No session to ${where(context)} became available within ${formatDuration(context.connectTimeoutMs)}: the server did not answer, or every session is busy. Check the server, or wait for running queries to finish or cancel one.`,
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new CoreError(
      'CONNECTION',
      `Could not connect to ${where(context)} (${code}). Check that the server is running and accepts TCP connections on that port.`,
    );
  }
  if (UNKNOWN_HOST_CODES.has(code)) {
    return new CoreError('CONNECTION', `The host name "${context.address.host}" could not be resolved (${code}). Check the host name in the connection settings.`);
  }
  if (code === 'ETIMEDOUT') {
    return new CoreError(
      'TIMEOUT',
      `No answer from ${where(context)} within ${formatDuration(context.connectTimeoutMs)}. Check the host, the port and any firewall in between.`,
    );
  }
  if (code === 'HANDSHAKE_NO_SSL_SUPPORT') {
    return new CoreError('TLS', `The server at ${where(context)} does not support TLS. Choose SSL mode 'disable', or turn TLS on at the server.`);
  }
  if (code === 'HANDSHAKE_SSL_ERROR' || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return fromTlsError(error, context);
  if (DROPPED_CODES.has(code)) return connectionLost(code === 'PROTOCOL_CONNECTION_LOST' ? 'connection lost' : code);
  if (CLOSED_STATE_MESSAGES.includes(error.message)) return connectionLost('connection lost');
  if (error.message === 'Pool is closed.') return closedDriverError();
  if (code === 'AUTH_SWITCH_PLUGIN_ERROR' || code === 'MYSQL_CLEAR_PASSWORD_NOT_ENABLED') {
    return new CoreError('AUTH', `The server asks for an authentication method Strata cannot use for user "${context.address.user}" (${error.message}).`);
  }
  return new CoreError('INTERNAL', `MySQL driver error: ${error.message}`);
}

/** mysql2 replaces the TLS error's code with HANDSHAKE_SSL_ERROR; Node's message still tells the problem. */
function fromTlsError(error: Mysql2Error, context: ErrorContext): CoreError {
  const message = error.message;
  const unverified = /self[- ]signed certificate in certificate chain/i.test(message)
    ? 'self-signed certificate in the chain'
    : /self[- ]signed certificate/i.test(message)
      ? 'self-signed certificate'
      : /unable to (?:verify|get)|certificate (?:is )?not trusted/i.test(message)
        ? 'unknown certificate authority'
        : null;
  if (unverified) return untrustedCertificateError(unverified, context);
  if (/altnames|does not match/i.test(message)) {
    // Node's identity error names the host it checked and carries the certificate.
    return hostMismatchError(typeof error.host === 'string' ? error.host : context.address.host, error.cert);
  }
  if (/certificate has expired|not yet valid/i.test(message)) {
    return new CoreError('TLS', `The server's certificate is expired or not yet valid (${message}). Ask the administrator to renew it, or choose SSL mode 'require'.`);
  }
  return new CoreError('TLS', `The TLS handshake with ${where(context)} failed (${message}). Check the server's TLS settings or choose another SSL mode.`);
}
