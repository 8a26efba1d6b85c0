import { copyFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { MysqlDriver } from '../../../electron/core/drivers/mysql/driver';
import type { ConnectionDraft } from '../../../shared/model/connection';
import { SNAKEOIL_CERT, snakeoilNames, throwawayCa, type ThrowawayCa } from '../../support/tls-fixtures';
import { collector, driverConfig, eventually, expectCoreError, run, threadsRunning } from './support';

/** Admitted over TLS only (REQUIRE SSL), without a password; test/support/mariadb-setup.sh creates it. */
const TLS_USER = 'strata_tls_user';

const drivers: MysqlDriver[] = [];
function driver(overrides: Partial<ConnectionDraft>, onAppQuery?: (report: AppQueryReport) => void): MysqlDriver {
  const created = new MysqlDriver(driverConfig({ user: TLS_USER, ...overrides }, null, onAppQuery));
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

describe('MySQL CA certificate file and verify-ca (against the local MariaDB with the snakeoil certificate)', () => {
  it("connects in 'verify-ca' trusting the snakeoil certificate to 127.0.0.1, which it does not name, and the session is encrypted", async () => {
    const created = driver({ sslMode: 'verify-ca', sslRootCertPath: SNAKEOIL_CERT });
    expect((await created.init()).version).toMatch(/^(MariaDB|MySQL) \d+/);
    const session = await created.acquireConnection();
    try {
      expect((await run(session, "SHOW SESSION STATUS LIKE 'Ssl_cipher'")).rows).toEqual([['Ssl_cipher', expect.stringMatching(/^[A-Z0-9_-]+$/)]]);
      expect((await run(session, "SHOW SESSION STATUS LIKE 'Ssl_version'")).rows).toEqual([['Ssl_version', expect.stringMatching(/^TLSv1\.[23]$/)]]);
      expect((await run(session, 'SELECT CURRENT_USER()')).rows).toEqual([[`${TLS_USER}@127.0.0.1`]]);
    } finally {
      await session.release();
    }
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

  it('fails with TLS naming a CA file that does not exist, for a catalog read and for a session', async () => {
    const missing = `${otherCa.path}.missing`;
    const created = driver({ sslMode: 'verify-ca', sslRootCertPath: missing });
    const message = `The CA certificate file "${missing}" does not exist. Check the path in the connection settings.`;
    expect((await expectCoreError(created.init(), 'TLS')).message).toBe(message);
    expect((await expectCoreError(created.acquireConnection(), 'TLS')).message).toBe(message);
  });

  it("cancels in 'verify-ca' after the CA file is gone: KILL QUERY's own session uses the certificate read when connecting", async () => {
    const caCopy = join(otherCa.path, '..', 'snakeoil-copy.pem');
    copyFileSync(SNAKEOIL_CERT, caCopy);
    const reports: AppQueryReport[] = [];
    const session = await driver({ sslMode: 'verify-ca', sslRootCertPath: caCopy }, (report) => reports.push(report)).acquireConnection();
    unlinkSync(caCopy);
    try {
      const [[threadId]] = (await run(session, 'SELECT CONNECTION_ID()')).rows;
      const marker = `strata_test_mysql_ca_cancel_${String(threadId)}`;
      const controller = new AbortController();
      const running = session.execute(`SELECT SLEEP(30) /* ${marker} */`, collector().sink, controller.signal);
      expect(await eventually(async () => (await threadsRunning(marker)).length === 1, 5000)).toBe(true);
      controller.abort();
      await expectCoreError(running, 'CANCELLED');
      expect(reports.filter((report) => report.purpose === 'cancel').map((report) => [report.sql, report.ok])).toEqual([[`KILL QUERY ${String(threadId)}`, true]]);
      expect(await threadsRunning(marker)).toEqual([]);
    } finally {
      await session.release();
    }
  });

  it("ignores the CA file in 'require', which does not verify", async () => {
    const session = await driver({ sslMode: 'require', sslRootCertPath: otherCa.path }).acquireConnection();
    try {
      expect((await run(session, "SHOW SESSION STATUS LIKE 'Ssl_version'")).rows).toEqual([['Ssl_version', expect.stringMatching(/^TLSv1\.[23]$/)]]);
    } finally {
      await session.release();
    }
  });
});
