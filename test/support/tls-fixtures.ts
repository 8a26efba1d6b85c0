import { X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The certificate both local servers present (test/support/postgres-setup.sh, mariadb-setup.sh): self-signed,
 * so it is its own CA, and issued for the machine's host name, not for 127.0.0.1.
 */
export const SNAKEOIL_CERT = '/etc/ssl/certs/ssl-cert-snakeoil.pem';

/** The names the snakeoil certificate is issued for, as Strata's messages list them ("vm"). */
export function snakeoilNames(): string {
  const altNames = new X509Certificate(readFileSync(SNAKEOIL_CERT)).subjectAltName ?? '';
  return altNames
    .split(', ')
    .map((name) => name.replace(/^(?:DNS|IP Address):/, ''))
    .join(', ');
}

export interface ThrowawayCa {
  /** The CA's certificate (PEM), in a temporary folder of its own. */
  path: string;
  remove(): void;
}

/** A fresh self-signed CA certificate made with openssl, which signed neither server's certificate. */
export function throwawayCa(): ThrowawayCa {
  const dir = mkdtempSync(join(tmpdir(), 'strata-test-ca-'));
  const path = join(dir, 'other-ca.pem');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'other-ca.key'), '-out', path, '-days', '2', '-subj', '/CN=Strata throwaway test CA'],
    { stdio: 'pipe' },
  );
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
