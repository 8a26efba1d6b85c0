import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCaFile, trustedCaOf } from '../../../electron/core/drivers/tls/ca-file';
import type { DriverConfig } from '../../../electron/core/drivers/types';
import { CoreError } from '../../../electron/core/errors';
import { emptyDraft, type SslMode } from '../../../shared/model/connection';

/** A self-signed certificate made for these tests (openssl req -x509, CN "Strata test CA"); no key goes with it. */
const TEST_CA = `-----BEGIN CERTIFICATE-----
MIIBijCCAS+gAwIBAgIUIqtWieRGL0jaVlgAcCcrVp7lfsEwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOU3RyYXRhIHRlc3QgQ0EwIBcNMjYxMTIyMjAzNDE5WhgPMjEy
NjEwMjkyMDM0MTlaMBkxFzAVBgNVBAMMDlN0cmF0YSB0ZXN0IENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAE0kkNrmUiMYFgUWD+wQGqsHm3JrDrtLT9RJtXpZ/e
8EMcJQBhi1IXpA+mbJyiE9h0H+o2uJ22HGoQ2ToRx8FqbaNTMFEwHQYDVR0OBBYE
FLEmwRvM6aLSAvdv/k2Hnurz/lYbMB8GA1UdIwQYMBaAFLEmwRvM6aLSAvdv/k2H
nurz/lYbMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAK03NQLk
oOXlekA/tOpD0PIM2Mg/CnV7fdtUuXrW8G9bAiEA+zKvG3PpvHgoBstAq7T9o7A9
wt3mRAXQU9Qq9d2p7D8=
-----END CERTIFICATE-----`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'strata-ca-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** The CoreError readCaFile throws for `path`. */
function failure(path: string): CoreError {
  try {
    readCaFile(path);
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error(`readCaFile(${path}) did not fail`);
}

function config(sslMode: SslMode, sslRootCertPath?: string): DriverConfig {
  return { profile: { ...emptyDraft('postgres'), id: 'c1', name: 'lan', sslMode, sslRootCertPath }, password: null };
}

describe('CA certificate file', () => {
  it('reads the certificates of a PEM file, leaving out the text around them', () => {
    const bundle = file('bundle.pem', `Strata test CA\n${TEST_CA}\n# the same one again\n${TEST_CA}\n`);
    const pem = readCaFile(bundle);
    expect(pem).toBe(`${TEST_CA}\n${TEST_CA}`);
    expect(new X509Certificate(pem).subject).toBe('CN=Strata test CA');
  });

  it('expands ~ to the home folder', () => {
    const home = process.env.HOME;
    process.env.HOME = dir;
    try {
      mkdirSync(join(dir, 'certs'));
      writeFileSync(join(dir, 'certs', 'ca.pem'), TEST_CA);
      expect(readCaFile('~/certs/ca.pem')).toBe(TEST_CA);
    } finally {
      process.env.HOME = home;
    }
  });

  it('fails with TLS, naming the file and the fix, when the file is missing, a folder or a relative path', () => {
    const missing = join(dir, 'nowhere', 'ca.pem');
    expect(failure(missing).toContract()).toEqual({ code: 'TLS', message: `The CA certificate file "${missing}" does not exist. Check the path in the connection settings.` });
    expect(failure(dir).message).toBe(`The CA certificate file "${dir}" is a folder. Choose the certificate file itself (a .pem or .crt file).`);
    expect(failure('certs/ca.pem').message).toBe(
      'The CA certificate file "certs/ca.pem" is not a full path. Enter the whole path of the file, starting at the root of the disk (or at ~ for your home folder).',
    );
  });

  it('fails with TLS on a file that holds no PEM certificate, telling how to convert a DER one', () => {
    const key = file('key.pem', '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n');
    expect(failure(key).toContract()).toEqual({
      code: 'TLS',
      message: `The CA certificate file "${key}" holds no certificate (no -----BEGIN CERTIFICATE----- block). Choose the PEM file of the authority that issued the server's certificate.`,
    });
    expect(failure(file('empty.pem', '')).message).toContain('holds no certificate');

    const der = file('ca.der', Buffer.from(TEST_CA.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
    expect(failure(der).message).toBe(
      `The CA certificate file "${der}" is a binary (DER) certificate, not PEM text. Convert it with: openssl x509 -inform der -in "${der}" -out ca.pem, and choose ca.pem.`,
    );
  });

  it('fails with TLS on a damaged certificate', () => {
    const damaged = file('damaged.pem', TEST_CA.replace('MIIBijCCAS+gAwIBAgIU', 'MIIBijCCAS+gAwIBAgIV').replace('wt3mRAXQU9Qq9d2p7D8=', 'wt3m'));
    const error = failure(damaged);
    expect(error.code).toBe('TLS');
    expect(error.message).toMatch(new RegExp(`^The CA certificate file "${damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" holds a damaged certificate \\(.+\\)\\. Choose an intact copy of the file\\.$`));
  });

  it('is used only by the verify modes, and only when a path is given', () => {
    const ca = file('ca.pem', TEST_CA);
    expect(trustedCaOf(config('verify-ca', ca))).toBe(TEST_CA);
    expect(trustedCaOf(config('verify-full', `  ${ca}  `))).toBe(TEST_CA);
    expect(trustedCaOf(config('require', ca))).toBeUndefined();
    expect(trustedCaOf(config('disable', ca))).toBeUndefined();
    expect(trustedCaOf(config('verify-full', '   '))).toBeUndefined();
    expect(trustedCaOf(config('verify-full'))).toBeUndefined();
  });

  it('is read once per driver, so later sessions and cancels do not depend on the file; a failed read is tried again', () => {
    const ca = join(dir, 'ca.pem');
    const driver = config('verify-ca', ca);
    expect(() => trustedCaOf(driver)).toThrow(/does not exist/);
    writeFileSync(ca, TEST_CA);
    expect(trustedCaOf(driver)).toBe(TEST_CA);
    unlinkSync(ca);
    expect(trustedCaOf(driver)).toBe(TEST_CA);
    expect(() => trustedCaOf(config('verify-ca', ca))).toThrow(/does not exist/);
  });
});
