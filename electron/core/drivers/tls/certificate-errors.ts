import type { SslMode } from '../../../../shared/model/connection';
import { CoreError } from '../../errors';

/** What a certificate message may name. */
export interface TrustContext {
  sslMode: SslMode;
  /** The profile's CA certificate file, when its SSL mode trusts that file instead of the system's store. */
  caFile?: string;
}

const SELF_SIGNED_HINT = 'for a self-signed certificate, the certificate itself';

/** The server's certificate does not chain to an authority Strata was told to trust; `problem` says how. */
export function untrustedCertificateError(problem: string, context: TrustContext): CoreError {
  if (context.caFile) {
    return new CoreError(
      'TLS',
      `The server's certificate could not be verified (${problem}): the CA certificate file "${context.caFile}" did not issue it. Choose the file of the authority that did (${SELF_SIGNED_HINT}), or SSL mode 'require' to encrypt without verifying.`,
    );
  }
  return new CoreError(
    'TLS',
    `The server's certificate could not be verified (${problem}). SSL mode '${context.sslMode}' needs a certificate from an authority this computer trusts: choose the CA certificate file that issued it (${SELF_SIGNED_HINT}), or SSL mode 'require' to encrypt without verifying.`,
  );
}

/** 'verify-full' found a trusted certificate issued for other names than `host`. */
export function hostMismatchError(host: string, cert: unknown): CoreError {
  const names = certificateNames(cert);
  return new CoreError(
    'TLS',
    `The server's certificate is not valid for the host "${host}"${names ? ` (it names ${names})` : ''}. Connect with a name the certificate was issued for, or choose SSL mode 'verify-ca' to check the certificate without the host name.`,
  );
}

/** The DNS names and addresses a certificate is issued for ("vm, 10.0.0.5"), from Node's subjectaltname. */
function certificateNames(cert: unknown): string {
  const altNames = (cert as { subjectaltname?: unknown } | undefined)?.subjectaltname;
  if (typeof altNames !== 'string') return '';
  return altNames
    .split(', ')
    .map((name) => name.replace(/^(?:DNS|IP Address):/, ''))
    .join(', ');
}
