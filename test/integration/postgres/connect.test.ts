import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import { postgresDialect } from '../../../electron/core/drivers/postgres/dialect';
import { driverConfig, expectCoreError, run } from './support';

const drivers: PostgresDriver[] = [];
function driver(...args: Parameters<typeof driverConfig>): PostgresDriver {
  const created = new PostgresDriver(driverConfig(...args));
  drivers.push(created);
  return created;
}

const servers: Server[] = [];
const sockets: Socket[] = [];
/** A local TCP server that plays the first bytes of a PostgreSQL server badly. */
async function fakeServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket);
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((created) => created.destroy()));
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe('PostgreSQL connect', () => {
  it('connects and reports the server version', async () => {
    const info = await driver().init();
    expect(info.version).toMatch(/^PostgreSQL 15\.\d+$/);
    await driver().ping();
  });

  it('is made by the dialect, which declares its capabilities as data', async () => {
    expect(postgresDialect.engine).toBe('postgres');
    expect(postgresDialect.capabilities).toEqual({
      kind: 'sql',
      cancel: true,
      transactions: true,
      explain: true,
      databases: true,
      schemas: true,
      streaming: true,
      readOnlySessions: true,
      statementTimeout: true,
      ssl: true,
    });
    const created = postgresDialect.createDriver(driverConfig());
    try {
      expect((await created.init()).version).toMatch(/^PostgreSQL 15/);
    } finally {
      await created.destroy();
    }
  });

  it('fails with AUTH on a wrong password, without the password in the message, and works with the right one', async () => {
    const wrong = await expectCoreError(driver({ user: 'strata_pw_user' }, 'not-the-password').init(), 'AUTH');
    expect(wrong.message).toContain('Password authentication failed for user "strata_pw_user"');
    expect(wrong.message).not.toContain('not-the-password');

    const missing = await expectCoreError(driver({ user: 'strata_pw_user' }, null).init(), 'AUTH');
    expect(missing.message).toContain('asks for a password');

    const right = driver({ user: 'strata_pw_user' }, 'strata-test-pw');
    await right.init();
    const session = await right.acquireConnection();
    try {
      expect((await run(session, 'SELECT current_user')).rows).toEqual([['strata_pw_user']]);
    } finally {
      await session.release();
    }
  });

  it('fails quickly with CONNECTION when nothing listens on the port', async () => {
    const started = Date.now();
    const error = await expectCoreError(driver({ port: 1 }).init(), 'CONNECTION');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toContain('127.0.0.1:1');
    expect(error.message).toContain('Check that the server is running');
  });

  it('fails with CONNECTION naming the host when the host name does not resolve', async () => {
    const error = await expectCoreError(driver({ host: 'strata-test-pg-no-such-host.invalid' }).init(), 'CONNECTION');
    expect(error.message).toContain('"strata-test-pg-no-such-host.invalid" could not be resolved');
  });

  it('fails with TIMEOUT when the server never answers', async () => {
    const port = await fakeServer(() => undefined);
    const error = await expectCoreError(driver({ port, connectTimeoutMs: 300 }).init(), 'TIMEOUT');
    expect(error.message).toBe(`No answer from 127.0.0.1:${port} within 300 ms. Check the host, the port and any firewall in between.`);
  });

  it('fails with NOT_FOUND when the database does not exist', async () => {
    const error = await expectCoreError(driver({ database: 'strata_test_pg_missing_db' }).init(), 'NOT_FOUND');
    expect(error.message).toContain('Database "strata_test_pg_missing_db" does not exist');
  });

  it('uses the postgres database when the profile names none', async () => {
    const created = driver({ database: '' });
    const session = await created.acquireConnection();
    try {
      expect((await run(session, 'SELECT current_database()')).rows).toEqual([['postgres']]);
    } finally {
      await session.release();
    }
  });

  it('sets application_name and keeps a session across statements', async () => {
    const session = await driver().acquireConnection();
    try {
      await run(session, "SET search_path TO pg_catalog");
      expect((await run(session, 'SHOW search_path')).rows).toEqual([['pg_catalog']]);
      expect((await run(session, 'SHOW application_name')).rows).toEqual([['Strata']]);
    } finally {
      await session.release();
    }
  });

  it('does not pass one run\'s session settings on to the next session', async () => {
    const created = driver();
    const first = await created.acquireConnection();
    const pid = (await run(first, 'SELECT pg_backend_pid()')).rows[0][0];
    await run(first, 'SET search_path TO pg_catalog');
    await first.release();
    const second = await created.acquireConnection();
    try {
      expect((await run(second, 'SELECT pg_backend_pid()')).rows[0][0]).toBe(pid);
      expect((await run(second, 'SHOW search_path')).rows).toEqual([['"$user", public']]);
    } finally {
      await second.release();
    }
  });
});

describe('PostgreSQL TLS', () => {
  it("fails with TLS in 'verify-full' against the self-signed snakeoil certificate", async () => {
    const error = await expectCoreError(driver({ sslMode: 'verify-full' }).init(), 'TLS');
    expect(error.message).toContain("The server's certificate could not be verified (self-signed certificate)");
    expect(error.message).toContain("'require'");
  });

  it("encrypts in 'require' without verifying the certificate", async () => {
    const session = await driver({ user: 'strata_tls_user', sslMode: 'require' }).acquireConnection();
    try {
      expect((await run(session, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows).toEqual([['true']]);
    } finally {
      await session.release();
    }
  });

  it("fails with TLS in 'disable' when the server requires encryption for the user", async () => {
    const error = await expectCoreError(driver({ user: 'strata_tls_user', sslMode: 'disable' }).init(), 'TLS');
    expect(error.message).toBe("The server requires an encrypted connection. Choose SSL mode 'require' or 'verify-full'.");
  });

  it('fails with TLS when the server does not support it', async () => {
    // Answers the SSLRequest with 'N', as a server without TLS does.
    const port = await fakeServer((socket) => socket.once('data', () => socket.write('N')));
    const error = await expectCoreError(driver({ port, sslMode: 'require' }).init(), 'TLS');
    expect(error.message).toContain("The server does not support TLS. Choose SSL mode 'disable'");
  });
});
