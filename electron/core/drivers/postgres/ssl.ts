import type { ConnectionOptions } from 'node:tls';
import type { SslMode } from '../../../../shared/model/connection';

/** node-postgres `ssl` option for a libpq SSL mode; `ca` (PEM) replaces the system's trusted authorities. */
export function sslOptions(mode: SslMode, ca?: string): false | ConnectionOptions {
  const trusted = ca === undefined ? {} : { ca };
  switch (mode) {
    case 'disable':
      return false;
    case 'require':
      // libpq's 'require' means encryption without certificate checks. The user picks it per
      // connection, knowing the server is not authenticated; the verify modes are the checked ones.
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The certificate must chain to a trusted CA; whom it names is not checked.
      return { rejectUnauthorized: true, ...trusted, checkServerIdentity: () => undefined };
    case 'verify-full':
      // Node's defaults: the certificate must chain to a trusted CA and name the host.
      return { rejectUnauthorized: true, ...trusted };
  }
}
