import type { Engine, SslMode } from '../../../shared/model/connection';

export const ENGINE_LABELS: Record<Engine, string> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL / MariaDB',
  sqlite: 'SQLite',
  mongodb: 'MongoDB',
  redis: 'Redis',
};

export const SSL_MODE_LABELS: Record<SslMode, string> = {
  disable: 'Disable (plain TCP)',
  require: 'Require (encrypt, no certificate check)',
  'verify-ca': 'Verify CA (not host name)',
  'verify-full': 'Verify full (CA and host name)',
};

/** One line on what each mode protects against, shown under the SSL mode. */
export const SSL_MODE_HINTS: Record<SslMode, string> = {
  disable: 'No encryption: passwords and data cross the network as plain text.',
  require: "Encrypted, but the server's certificate is not checked, so an impostor could pose as the server.",
  'verify-ca': 'Encrypted; the certificate must be signed by the CA below (else one this computer trusts). Any host name is accepted.',
  'verify-full': 'Encrypted; the certificate must be signed by the CA below (else one this computer trusts) and name this host.',
};

/** A short "where": host:port/database for servers, the file name for SQLite. */
export function connectionLocation(profile: { engine: Engine; host: string; port: number; database: string; filePath: string }): string {
  if (profile.engine === 'sqlite') return profile.filePath.split(/[/\\]/).filter(Boolean).pop() ?? profile.filePath;
  const host = profile.host.includes(':') ? `[${profile.host}]` : profile.host;
  const port = profile.port ? `:${profile.port}` : '';
  return `${host}${port}${profile.database ? `/${profile.database}` : ''}`;
}

/** What "read-only" means for the engine: who refuses the changes. */
export function readOnlyMeaning(engine: Engine): string {
  switch (engine) {
    case 'postgres':
      return 'Enforced by the server session (default_transaction_read_only); Strata also refuses statements that would switch it off. SQL built at run time (EXECUTE in a DO block) or a stored function can still switch it: for a hard guarantee, connect as a role that may only read.';
    case 'mysql':
      return 'Enforced by the server session (SET SESSION TRANSACTION READ ONLY); Strata also refuses statements that would switch it off. SQL built at run time (PREPARE … FROM a variable) or a stored procedure can still switch it: for a hard guarantee, connect as a user that may only read.';
    case 'sqlite':
      return 'The file is opened read-only, so nothing can change it.';
    case 'mongodb':
    case 'redis':
      return 'Strata refuses to send changes on this connection.';
  }
}
