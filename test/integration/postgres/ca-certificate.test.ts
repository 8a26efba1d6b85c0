import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDriver } from '../../../electron/core/drivers/postgres/driver';
import type { ConnectionDraft } from '../../../shared/model/connection';
import { SNAKEOIL_CERT, snakeoilNames, throwawayCa, type ThrowawayCa } from '../../support/tls-fixtures';
import { admin, driverConfig, expectCoreError, run } from './support';

/** Admitted over TLS only (hostssl), without a password; test/support/postgres-setup.sh creates it. */
const TLS_USER = 'strata_tls_user';

const drivers: PostgresDriver[] = [];
function driver(overrides: Partial<ConnectionDraft>): PostgresDriver {
  const created = new PostgresDriver(driverConfig({ user: TLS_USER, ...overrides }));
  drivers.push(created);
  return created;
}

let otherCa: ThrowawayCa;
beforeAll(() => {
  otherCa = throwawayCa();
});
afterAll(() => otherCa?.remove());
afterEach(async () => {
  await Promise.all(drivers.splice(0).map((created) => created.destroy()));
});

/** Strata sessions of the TLS user the server has, with whether each is encrypted. */
async function tlsUserSessions(): Promise<{ ssl: boolean }[]> {
  return admin<{ ssl: boolean }>(
    "SELECT s.ssl FROM pg_stat_activity a JOIN pg_stat_ssl s USING (pid) WHERE a.usename = $1 AND a.application_name = 'Strata'",
    [TLS_USER],
  );
}

describe('PostgreSQL CA certificate file and verify-ca (against the local server with the snakeoil certificate)', () => {
  it("connects in 'verify-ca' trusting the snakeoil certificate to 127.0.0.1, which it does not name, and the session is encrypted", async () => {
    const created = driver({ sslMode: 'verify-ca', sslRootCertPath: SNAKEOIL_CERT });
    expect((await created.init()).version).toMatch(/^PostgreSQL \d+/);
    const session = await created.acquireConnection();
    try {
      expect((await run(session, 'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows).toEqual([['true', expect.stringMatching(/^TLSv1\.[23]$/)]]);
      expect((await run(session, 'SELECT current_user')).rows).toEqual([[TLS_USER]]);
    } finally {
      await session.release();
    }
    expect(await tlsUserSessions()).toContainEqual({ ssl: true });
  });

  it("fails 'verify-ca' without a CA file: no authority this computer trusts signed the certificate", async () => {
    const error = await expectCoreError(driver({ sslMode: 'verify-ca' }).init(), 'TLS');
    expect(error.message).toBe(
      "The server's certificate could not be verified (self-signed certificate). SSL mode 'verify-ca' needs a certificate from an authority this computer trusts: choose the CA certificate file that issued it (for a self-signed certificate, the certificate itself), or SSL mode 'require' to encrypt without verifying.",
    );
  });

  it("fails 'verify-ca' trusting another CA, naming the certificate problem and the file", async () => {
    for (const sslMode of ['verify-ca', 'verify-full'] as const) {
      const error = await expectCoreError(driver({ sslMode, sslRootCertPath: otherCa.path }).init(), 'TLS');
      expect(error.message).toBe(
        `The server's certificate could not be verified (self-signed certificate): the CA certificate file "${otherCa.path}" did not issue it. Choose the file of the authority that did (for a self-signed certificate, the certificate itself), or SSL mode 'require' to encrypt without verifying.`,
      );
    }
  });

  it("fails 'verify-full' trusting the snakeoil certificate to 127.0.0.1, naming the host and the names the certificate has", async () => {
    const error = await expectCoreError(driver({ sslMode: 'verify-full', sslRootCertPath: SNAKEOIL_CERT }).init(), 'TLS');
    expect(error.message).toBe(
      `The server's certificate is not valid for the host "127.0.0.1" (it names ${snakeoilNames()}). Connect with a name the certificate was issued for, or choose SSL mode 'verify-ca' to check the certificate without the host name.`,
    );
  });

  it('fails with TLS naming a CA file that does not exist, for a session and for a catalog read', async () => {
    const missing = `${otherCa.path}.missing`;
    const created = driver({ sslMode: 'verify-ca', sslRootCertPath: missing });
    const message = `The CA certificate file "${missing}" does not exist. Check the path in the connection settings.`;
    expect((await expectCoreError(created.init(), 'TLS')).message).toBe(message);
    expect((await expectCoreError(created.acquireConnection(), 'TLS')).message).toBe(message);
  });

  it("ignores the CA file in 'require', which does not verify", async () => {
    const session = await driver({ sslMode: 'require', sslRootCertPath: otherCa.path }).acquireConnection();
    try {
      expect((await run(session, 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows).toEqual([['true']]);
    } finally {
      await session.release();
    }
  });
});
