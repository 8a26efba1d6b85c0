import type { SslOptions } from 'mysql2';
import type { SslMode } from '../../../../shared/model/connection';

/** mysql2's `ssl` option for a libpq SSL mode; a fresh object each time, since mysql2 writes into it. */
export function sslOptions(mode: SslMode): SslOptions | undefined {
  switch (mode) {
    case 'disable':
      return undefined;
    case 'require':
      // libpq's 'require' means encryption without certificate checks. The user picks it per
      // connection, knowing the server is not authenticated; 'verify-full' is the checked mode.
      return { rejectUnauthorized: false };
    case 'verify-full':
      // The certificate must chain to a trusted CA and name the host.
      return { rejectUnauthorized: true, verifyIdentity: true };
  }
}
