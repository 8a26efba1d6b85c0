import pg from 'pg';
import type { SslMode } from '../../../../shared/model/connection';
import { CoreError } from '../../errors';
import { hostMismatchError, untrustedCertificateError } from '../tls/certificate-errors';
import type { ServerAddress } from './client-config';

/** What a message may name. Never the password. */
export interface ErrorContext {
  address: ServerAddress;
  database: string;
  sslMode: SslMode;
  /** The CA certificate file the SSL mode trusts instead of the system's store. */
  caFile?: string;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /** Strata asked the server to stop the statement, so a cancellation is the user's. */
  cancelRequested?: boolean;
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const UNKNOWN_HOST_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const DROPPED_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT']);
const UNTRUSTED_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);
const DROPPED_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];
const CONNECT_TIMEOUT_MESSAGES = ['timeout expired', 'Connection terminated due to connection timeout'];

/** Turns whatever node-postgres or the server threw into a CoreError a user can act on. */
export function toCoreError(error: unknown, context: ErrorContext): CoreError {
  if (error instanceof CoreError) return error;
  if (error instanceof pg.DatabaseError) return fromServerError(error, context);
  if (error instanceof Error) return fromClientError(error, context);
  return new CoreError('INTERNAL', `PostgreSQL driver error: ${String(error)}`);
}

export function cancelledError(): CoreError {
  return new CoreError('CANCELLED', 'The query was cancelled.');
}

function where(context: ErrorContext): string {
  return `${context.address.host}:${context.address.port}`;
}

export function formatDuration(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function connectionLost(detail: string): CoreError {
  return new CoreError('CONNECTION', `The server closed the connection (${detail}). Run the query again.`);
}

function fromServerError(error: pg.DatabaseError, context: ErrorContext): CoreError {
  const user = context.address.user;
  const sqlState = error.code ?? '';
  switch (sqlState) {
    case '28P01':
      return new CoreError('AUTH', `Password authentication failed for user "${user}". Check the password in the connection settings.`);
    case '28000':
      return fromAuthorizationError(error, context);
    case '3D000':
      return new CoreError('NOT_FOUND', `Database "${context.database}" does not exist. Check the database name in the connection settings.`);
    case '57014':
      return fromCancellation(error, context);
    case '57P01':
    case '57P02':
      return connectionLost(error.message);
    case '57P03':
      return new CoreError('CONNECTION', `The server at ${where(context)} is starting up or shutting down (${error.message}). Try again in a moment.`);
    case '53300':
      return new CoreError('CONNECTION', `The server at ${where(context)} has no free connections (${error.message}). Close other sessions or ask the administrator to raise max_connections.`);
    case '25P03':
      return new CoreError('CONNECTION', `The server ended the session because a transaction stayed idle too long (${error.message}). Run the query again.`);
  }
  const detail: { position?: number; sqlState?: string; hint?: string } = {};
  if (sqlState) detail.sqlState = sqlState;
  const position = Number(error.position);
  if (error.position && Number.isInteger(position) && position > 0) detail.position = position;
  if (error.hint) detail.hint = error.hint;
  return new CoreError('QUERY', error.message, detail);
}

function fromAuthorizationError(error: pg.DatabaseError, context: ErrorContext): CoreError {
  const { user } = context.address;
  if (/no encryption$/.test(error.message)) {
    return new CoreError('TLS', "The server requires an encrypted connection. Choose SSL mode 'require' or 'verify-full'.");
  }
  if (error.message.includes('pg_hba.conf')) {
    return new CoreError(
      'AUTH',
      `The server does not let user "${user}" connect to database "${context.database}" from this host (${error.message}). Ask the administrator to allow it in pg_hba.conf.`,
    );
  }
  return new CoreError('AUTH', `The server refused user "${user}": ${error.message}. Check the user name in the connection settings.`);
}

function fromCancellation(error: pg.DatabaseError, context: ErrorContext): CoreError {
  if (context.cancelRequested) return cancelledError();
  if (error.message.includes('statement timeout')) {
    const limit = context.statementTimeoutMs > 0 ? ` (${formatDuration(context.statementTimeoutMs)})` : '';
    return new CoreError(
      'TIMEOUT',
      `The statement ran longer than the statement timeout${limit} and was stopped. Raise the timeout in the connection settings if it needs more time.`,
    );
  }
  return new CoreError('CANCELLED', `The server cancelled the statement (${error.message}).`);
}

function fromClientError(error: Error, context: ErrorContext): CoreError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (context.cancelRequested) return cancelledError();
  if (UNREACHABLE_CODES.has(code)) {
    return new CoreError(
      'CONNECTION',
      `Could not connect to ${where(context)} (${code}). Check that the server is running and accepts TCP connections on that port.`,
    );
  }
  if (UNKNOWN_HOST_CODES.has(code)) {
    return new CoreError('CONNECTION', `The host name "${context.address.host}" could not be resolved (${code}). Check the host name in the connection settings.`);
  }
  if (CONNECT_TIMEOUT_MESSAGES.includes(error.message)) {
    return new CoreError(
      'TIMEOUT',
      `No answer from ${where(context)} within ${formatDuration(context.connectTimeoutMs)}. Check the host, the port and any firewall in between.`,
    );
  }
  if (error.message === 'timeout exceeded when trying to connect') {
    return new CoreError('TIMEOUT', `Every session to ${where(context)} stayed busy for ${formatDuration(context.connectTimeoutMs)}. Wait for running queries to finish or cancel one.`);
  }
  const tls = fromTlsError(error, code, context);
  if (tls) return tls;
  if (error.message.startsWith('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be')) {
    return new CoreError('AUTH', `The server asks for a password for user "${context.address.user}". Enter it in the connection settings.`);
  }
  if (DROPPED_CODES.has(code)) return connectionLost(code);
  if (DROPPED_MESSAGES.includes(error.message)) return connectionLost(error.message.toLowerCase());
  if (error.message === 'Cannot use a pool after calling end on the pool') {
    return new CoreError('CONNECTION', 'The connection was closed. Open it again.');
  }
  return new CoreError('INTERNAL', `PostgreSQL driver error: ${error.message}`);
}

function fromTlsError(error: Error, code: string, context: ErrorContext): CoreError | null {
  if (error.message === 'The server does not support SSL connections') {
    return new CoreError('TLS', `The server does not support TLS. Choose SSL mode 'disable', or turn TLS on at the server.`);
  }
  if (error.message === 'There was an error establishing an SSL connection') {
    return new CoreError('TLS', `The server at ${where(context)} refused to start TLS. Check the server's TLS settings or choose another SSL mode.`);
  }
  if (UNTRUSTED_CERT_CODES.has(code)) return untrustedCertificateError(describeCertificateProblem(code), context);
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    // Node's identity error names the host it checked and carries the certificate.
    const { host, cert } = error as Error & { host?: unknown; cert?: unknown };
    return hostMismatchError(typeof host === 'string' ? host : context.address.host, cert);
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new CoreError('TLS', `The server's certificate is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid'}. Ask the administrator to renew it, or choose SSL mode 'require'.`);
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return new CoreError('TLS', `The TLS handshake with ${where(context)} failed (${code}). Check the server's TLS settings or choose another SSL mode.`);
  }
  return null;
}

function describeCertificateProblem(code: string): string {
  switch (code) {
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'self-signed certificate';
    case 'SELF_SIGNED_CERT_IN_CHAIN':
      return 'self-signed certificate in the chain';
    default:
      return 'unknown certificate authority';
  }
}
