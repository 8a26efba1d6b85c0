import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAKEOIL_CERT } from '../../support/tls-fixtures';
import { PG_DRAFT, startTestCore, type TestClient, type TestCore } from './core-harness';

/** Admitted over TLS only; test/support/postgres-setup.sh creates it. */
const TLS_DRAFT = { ...PG_DRAFT, name: 'strata_test_core verify-ca', user: 'strata_tls_user', sslMode: 'verify-ca' as const };

let testCore: TestCore;
let client: TestClient;

beforeAll(async () => {
  testCore = await startTestCore();
  client = testCore.connect();
});

afterAll(async () => {
  await testCore?.cleanup();
});

const savedProfiles = async () => JSON.parse(await readFile(join(testCore.dataDir, 'connections.json'), 'utf8')).connections as { id: string; sslRootCertPath?: string }[];

describe('a connection with a CA certificate file', () => {
  it('is saved with its CA file, tested and opened over a verified connection, and keeps the file after a restart', async () => {
    const draft = { ...TLS_DRAFT, sslRootCertPath: `  ${SNAKEOIL_CERT} ` };
    expect(await client.call('connection/test', { id: null, draft, password: { action: 'keep' } })).toMatchObject({ serverVersion: expect.stringMatching(/^PostgreSQL/) });

    const saved = await client.call('connection/save', { id: null, draft, password: { action: 'keep' } });
    expect(saved).toMatchObject({ sslMode: 'verify-ca', sslRootCertPath: SNAKEOIL_CERT });
    expect((await savedProfiles()).find((profile) => profile.id === saved.id)?.sslRootCertPath).toBe(SNAKEOIL_CERT);
    expect((await client.call('connection/open', { id: saved.id })).capabilities.kind).toBe('sql');
    await client.call('connection/close', { id: saved.id });

    await testCore.dispose();
    testCore = await testCore.restart();
    client = testCore.connect();
    const reloaded = (await client.call('connection/list', {})).find((profile) => profile.id === saved.id);
    expect(reloaded).toMatchObject({ sslMode: 'verify-ca', sslRootCertPath: SNAKEOIL_CERT });
    expect((await client.call('connection/open', { id: saved.id })).serverVersion).toMatch(/^PostgreSQL/);
    await client.call('connection/delete', { id: saved.id });
  });

  it('fails the test with TLS naming a CA file that does not exist', async () => {
    const missing = '/nonexistent/strata-test/ca.pem';
    const result = await client.callRaw('connection/test', { id: null, draft: { ...TLS_DRAFT, sslRootCertPath: missing }, password: { action: 'keep' } });
    expect(result).toEqual({ ok: false, error: { code: 'TLS', message: `The CA certificate file "${missing}" does not exist. Check the path in the connection settings.` } });
  });

  it('refuses a CA file path that is not a full path, pointing at the field', async () => {
    const result = await client.callRaw('connection/save', { id: null, draft: { ...TLS_DRAFT, sslRootCertPath: 'certs/ca.pem' }, password: { action: 'keep' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', detail: { issues: [{ path: 'draft.sslRootCertPath', message: expect.stringContaining("Enter the file's full path") }] } } });
  });

  it('drops the CA file of a mode that does not verify', async () => {
    const saved = await client.call('connection/save', { id: null, draft: { ...TLS_DRAFT, sslMode: 'require', sslRootCertPath: SNAKEOIL_CERT }, password: { action: 'keep' } });
    expect(saved.sslMode).toBe('require');
    expect(saved).not.toHaveProperty('sslRootCertPath');
    expect((await savedProfiles()).find((profile) => profile.id === saved.id)).not.toHaveProperty('sslRootCertPath');
    await client.call('connection/delete', { id: saved.id });
  });
});
