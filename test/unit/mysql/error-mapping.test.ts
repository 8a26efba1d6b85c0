import { describe, expect, it } from 'vitest';
import { SessionWaitTimeout, toCoreError, type ErrorContext } from '../../../electron/core/drivers/mysql/error-mapping';

const context: ErrorContext = {
  address: { host: 'db.example.com', port: 3306, user: 'app' },
  database: 'shop',
  sslMode: 'verify-full',
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 2000,
  readOnly: false,
};

function serverError(errno: number, sqlState: string, sqlMessage: string): Error {
  return Object.assign(new Error(sqlMessage), { errno, sqlState, sqlMessage, code: 'ER_X' });
}

function clientError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, fatal: true });
}

describe('MySQL error mapping', () => {
  it('maps an unknown database to NOT_FOUND when connecting, and to QUERY inside a statement', () => {
    const error = serverError(1049, '42000', "Unknown database 'shop'");
    expect(toCoreError(error, context).code).toBe('NOT_FOUND');
    expect(toCoreError(error, { ...context, statement: 'USE shop' }).toContract()).toEqual({ code: 'QUERY', message: "Unknown database 'shop'", detail: { sqlState: '42000' } });
  });

  it('maps interruptions: the user cancel, a KILL from elsewhere, and the statement timeout', () => {
    const killed = serverError(1317, '70100', 'Query execution was interrupted');
    expect(toCoreError(killed, { ...context, cancelRequested: true }).toContract()).toEqual({ code: 'CANCELLED', message: 'The query was cancelled.' });
    expect(toCoreError(killed, context).code).toBe('CANCELLED');
    const mysqlTimeout = toCoreError(serverError(3024, 'HY000', 'Query execution was interrupted, maximum statement execution time exceeded'), context);
    expect(mysqlTimeout.code).toBe('TIMEOUT');
    expect(mysqlTimeout.message).toContain('(2 s)');
    expect(toCoreError(serverError(1969, '70100', 'Query execution was interrupted (max_statement_time exceeded)'), context).code).toBe('TIMEOUT');
  });

  it('maps TLS failures by what Node says, since mysql2 replaces their codes', () => {
    const tls = (message: string) => toCoreError(clientError('HANDSHAKE_SSL_ERROR', message), context);
    expect(tls('self-signed certificate').message).toContain('(self-signed certificate)');
    expect(tls('unable to verify the first certificate').message).toContain('unknown certificate authority');
    expect(tls("Hostname/IP does not match certificate's altnames: Host: db.example.com.").message).toContain('not valid for the host "db.example.com"');
    expect(tls('certificate has expired').code).toBe('TLS');
    expect(toCoreError(clientError('HANDSHAKE_NO_SSL_SUPPORT', 'Server does not support secure connection'), context).code).toBe('TLS');
    expect(toCoreError(serverError(3159, 'HY000', 'Connections using insecure transport are prohibited'), context).code).toBe('TLS');
  });

  it('maps network failures to CONNECTION or TIMEOUT with the address', () => {
    expect(toCoreError(clientError('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example.com'), context).message).toContain('"db.example.com" could not be resolved');
    expect(toCoreError(clientError('ETIMEDOUT', 'connect ETIMEDOUT'), context).toContract()).toEqual({
      code: 'TIMEOUT',
      message: 'No answer from db.example.com:3306 within 10 s. Check the host, the port and any firewall in between.',
    });
    expect(toCoreError(clientError('PROTOCOL_CONNECTION_LOST', 'Connection lost: The server closed the connection.'), context).message).toBe(
      'The server closed the connection (connection lost). Run the query again.',
    );
    expect(toCoreError(new SessionWaitTimeout(), context).code).toBe('TIMEOUT');
    expect(toCoreError(new Error('Pool is closed.'), context).code).toBe('CONNECTION');
  });

  it('explains a refused write on a read-only connection', () => {
    const error = serverError(1792, '25006', 'Cannot execute statement in a READ ONLY transaction');
    expect(toCoreError(error, { ...context, readOnly: true, statement: 'DELETE FROM t' }).message).toContain('Turn off read-only in the connection settings');
    expect(toCoreError(error, { ...context, statement: 'DELETE FROM t' }).message).toBe('Cannot execute statement in a READ ONLY transaction');
  });

  it('reports anything else from mysql2 as INTERNAL', () => {
    expect(toCoreError(new Error('something odd'), context).toContract()).toEqual({ code: 'INTERNAL', message: 'MySQL driver error: something odd' });
  });
});
