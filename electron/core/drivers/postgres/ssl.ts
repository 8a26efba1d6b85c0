import type { ConnectionOptions } from 'node:tls';
import type { SslMode } from '../../../../shared/model/connection';

/** node-postgres `ssl` option for a libpq SSL mode. */
export function sslOptions(mode: SslMode): false | ConnectionOptions {
  switch (mode) {
    case 'disable':
      return false;
    case 'require':
      // libpq's 'require' means encryption without certificate checks. The user picks it per
      // connection, knowing the server is not authenticated; 'verify-full' is the checked mode.
      return { rejectUnauthorized: false };
    case 'verify-full':
      // Node's defaults: the certificate must chain to a trusted CA and name the host.
      return { rejectUnauthorized: true };
  }
}
