import { connect, isIP, type Socket } from 'node:net';
import type { SslOptions } from 'mysql2';
import type { SslMode } from '../../../../shared/model/connection';

/**
 * mysql2's `ssl` option for a libpq SSL mode; `ca` (PEM) replaces the system's trusted authorities. A fresh
 * object each time, since mysql2 writes into it.
 */
export function sslOptions(mode: SslMode, ca?: string): SslOptions | undefined {
  const trusted = ca === undefined ? {} : { ca };
  switch (mode) {
    case 'disable':
      return undefined;
    case 'require':
      // libpq's 'require' means encryption without certificate checks. The user picks it per
      // connection, knowing the server is not authenticated; the verify modes are the checked ones.
      return { rejectUnauthorized: false };
    case 'verify-ca':
      // The certificate must chain to a trusted CA; whom it names is not checked.
      return { rejectUnauthorized: true, verifyIdentity: false, ...trusted };
    case 'verify-full':
      // The certificate must chain to a trusted CA and name the host.
      return { rejectUnauthorized: true, verifyIdentity: true, ...trusted };
  }
}

/**
 * mysql2's `stream` option: a socket factory for 'verify-full' to an IP address, otherwise undefined (mysql2
 * opens the socket itself). For an address mysql2 rightly sends no SNI name, but it gives Node's tls.connect
 * no host either, so Node checks the certificate against the name 'localhost' instead of the address. Node
 * falls back to the socket's `_host`, which net sets only for names it looked up: set to the address, the
 * check looks for it among the certificate's IP names, as node-postgres gets by passing `host`.
 */
export function addressCheckedSocket(mode: SslMode, host: string, port: number): (() => Socket) | undefined {
  if (mode !== 'verify-full' || isIP(host) === 0) return undefined;
  return () => {
    const socket = connect({ host, port, noDelay: true, keepAlive: true });
    Object.assign(socket, { _host: host });
    return socket;
  };
}
