import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import { SNAKEOIL_CERT, snakeoilNames } from '../../support/tls-fixtures';
import { collector, driverConfig, eventually, expectCoreError, run, threadsRunning } from './support';

/** Admitted over TLS only (REQUIRE SSL), without a password; test/support/mariadb-setup.sh creates it. */
const TLS_USER = 'strata_tls_user';

const drivers: MysqlDriver[] = [];
function driver(...args: Parameters<typeof driverConfig>): MysqlDriver {
  const created = new MysqlDriver(driverConfig(...args));
  drivers.push(created);
  return created;
}

const servers: Server[] = [];
const sockets: Socket[] = [];
/** A local TCP server that greets like a MySQL server built without TLS. */
async function serverWithoutTls(): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.write(handshakeWithoutTls());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A protocol-10 initial handshake whose capabilities lack CLIENT_SSL. */
function handshakeWithoutTls(): Buffer {
  const LONG_PASSWORD = 0x1;
  const PROTOCOL_41 = 0x200;
  const SECURE_CONNECTION = 0x8000;
  const PLUGIN_AUTH = 0x80000;
  const capabilities = LONG_PASSWORD | PROTOCOL_41 | SECURE_CONNECTION | PLUGIN_AUTH;
  const scramble = Buffer.from('abcdefghijklmnopqrst');
  const payload = Buffer.concat([
    Buffer.from([10]),
    Buffer.from('8.0.0-no-tls\0'),
    Buffer.from([1, 0, 0, 0]),
    scramble.subarray(0, 8),
    Buffer.from([0, capabilities & 0xff, (capabilities >> 8) & 0xff, 45, 2, 0, (capabilities >> 16) & 0xff, (capabilities >> 24) & 0xff, 21]),
    Buffer.alloc(10),
    scramble.subarray(8),
    Buffer.from('\0mysql_native_password\0'),
  ]);
  const header = Buffer.from([payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, 0]);
  return Buffer.concat([header, payload]);
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((created) => created.destroy()));
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

/** The session's TLS status as the server reports it: cipher and protocol, empty on plain TCP. */
async function sessionTls(created: MysqlDriver): Promise<{ cipher: unknown; version: unknown; user: unknown }> {
  const session = await created.acquireConnection();
  try {
    const status = await run(session, "SHOW SESSION STATUS WHERE Variable_name IN ('Ssl_cipher', 'Ssl_version')");
    const values = new Map(status.rows.map(([name, value]) => [name, value]));
    const [[user]] = (await run(session, 'SELECT CURRENT_USER()')).rows;
    return { cipher: values.get('Ssl_cipher'), version: values.get('Ssl_version'), user };
  } finally {
    await session.release();
  }
}

describe('MySQL TLS (against the local MariaDB with TLS on)', () => {
  it("encrypts the session in 'require'", async () => {
    const tls = await sessionTls(driver({ sslMode: 'require' }));
    expect(tls.cipher).toMatch(/^[A-Z0-9_-]+$/);
    expect(tls.version).toMatch(/^TLSv1\.[23]$/);
  });

  it("leaves the session unencrypted in 'disable'", async () => {
    const tls = await sessionTls(driver({ sslMode: 'disable' }));
    expect(tls.cipher).toBe('');
  });

  it("lets in a user the server admits only over TLS, in 'require'", async () => {
    const tls = await sessionTls(driver({ user: TLS_USER, sslMode: 'require' }));
    expect(tls.user).toBe(`${TLS_USER}@127.0.0.1`);
    expect(tls.cipher).not.toBe('');
  });

  it("fails that user in 'disable' with AUTH, telling to choose an encrypting SSL mode", async () => {
    const error = await expectCoreError(driver({ user: TLS_USER, sslMode: 'disable' }).init(), 'AUTH');
    expect(error.message).toBe(
      `The server refused user "${TLS_USER}" (Access denied for user '${TLS_USER}'@'127.0.0.1' (using password: NO)). Check the user name and password in the connection settings. If the account accepts only encrypted connections, choose SSL mode 'require' or 'verify-full'.`,
    );
  });

  it('does not suggest TLS when a login over TLS is refused', async () => {
    const error = await expectCoreError(driver({ user: TLS_USER, sslMode: 'require' }, 'not-the-password').init(), 'AUTH');
    expect(error.message).toContain('Check the user name and password');
    expect(error.message).not.toContain('SSL mode');
    expect(error.message).not.toContain('not-the-password');
  });

  it("fails 'verify-full' with TLS against the self-signed certificate, which no trusted authority signed", async () => {
    const error = await expectCoreError(driver({ user: TLS_USER, sslMode: 'verify-full' }).init(), 'TLS');
    expect(error.message).toBe(
      "The server's certificate could not be verified (self-signed certificate). SSL mode 'verify-full' needs a certificate from an authority this computer trusts: choose the CA certificate file that issued it (for a self-signed certificate, the certificate itself), or SSL mode 'require' to encrypt without verifying.",
    );
  });

  it("checks an IP address host in 'verify-full' against the certificate's addresses, not the name 'localhost'", async () => {
    // Trusting the snakeoil certificate leaves only the name check: it names the machine, not 127.0.0.1.
    const error = await expectCoreError(driver({ user: TLS_USER, sslMode: 'verify-full', sslRootCertPath: SNAKEOIL_CERT }).init(), 'TLS');
    expect(error.message).toBe(
      `The server's certificate is not valid for the host "127.0.0.1" (it names ${snakeoilNames()}). Connect with a name the certificate was issued for, or choose SSL mode 'verify-ca' to check the certificate without the host name.`,
    );
  });

  it('fails with TLS when the server does not support it', async () => {
    const port = await serverWithoutTls();
    for (const sslMode of ['require', 'verify-full'] as const) {
      const error = await expectCoreError(driver({ port, sslMode }).init(), 'TLS');
      expect(error.message).toBe(`The server at 127.0.0.1:${port} does not support TLS. Choose SSL mode 'disable', or turn TLS on at the server.`);
    }
  });

  it("fails a refused port with CONNECTION in 'verify-full' to an IP address too, where Strata opens the socket", async () => {
    const port = await closedPort();
    const error = await expectCoreError(driver({ port, sslMode: 'verify-full' }).init(), 'CONNECTION');
    expect(error.message).toContain(`127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('cancels a statement of a TLS-only user: KILL QUERY goes over an encrypted session too', async () => {
    const reports: AppQueryReport[] = [];
    const created = driver({ user: TLS_USER, sslMode: 'require' }, null, (report) => reports.push(report));
    const session = await created.acquireConnection();
    try {
      const [[threadId]] = (await run(session, 'SELECT CONNECTION_ID()')).rows;
      const marker = `strata_test_mysql_tls_cancel_${String(threadId)}`;
      const controller = new AbortController();
      const running = session.execute(`SELECT SLEEP(30) /* ${marker} */`, collector().sink, controller.signal);
      expect(await eventually(async () => (await threadsRunning(marker)).length === 1, 5000)).toBe(true);
      const started = Date.now();
      controller.abort();
      await expectCoreError(running, 'CANCELLED');
      expect(Date.now() - started).toBeLessThan(5000);
      expect(reports.filter((report) => report.purpose === 'cancel').map((report) => [report.sql, report.ok])).toEqual([[`KILL QUERY ${String(threadId)}`, true]]);
      expect(await threadsRunning(marker)).toEqual([]);
    } finally {
      await session.release();
    }
  });
});
