import type { ConnectionOptions, PoolOptions } from 'mysql2';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../../../shared/model/connection';
import { trustedCaOf } from '../tls/ca-file';
import type { DriverConfig } from '../types';
import { addressCheckedSocket, sslOptions } from './ssl';

const DEFAULT_HOST = 'localhost';
const DEFAULT_PORT = 3306;
/** Sessions per driver; one per editor tab running a query, plus catalog reads. */
const MAX_SESSIONS = 10;
const SESSION_IDLE_TIMEOUT_MS = 60_000;

/** Where a driver connects, as shown in messages. Never holds the password. */
export interface ServerAddress {
  host: string;
  port: number;
  user: string;
}

export function serverAddress(config: DriverConfig): ServerAddress {
  const { profile } = config;
  return { host: profile.host || DEFAULT_HOST, port: profile.port || DEFAULT_PORT, user: profile.user };
}

/** The profile's default database, or null: a MySQL session may have none. */
export function profileDatabase(config: DriverConfig): string | null {
  return config.profile.database || null;
}

export function connectTimeoutMs(config: DriverConfig): number {
  return config.profile.connectTimeoutMs || DEFAULT_CONNECT_TIMEOUT_MS;
}

/**
 * Settings of one session, shared by the pool and the short-lived sessions that send KILL QUERY. Fails with
 * TLS when the profile's CA file cannot be used.
 */
export function connectionOptions(config: DriverConfig): ConnectionOptions {
  const address = serverAddress(config);
  return {
    host: address.host,
    port: address.port,
    user: address.user || undefined,
    password: config.password ?? undefined,
    database: profileDatabase(config) ?? undefined,
    ssl: sslOptions(config.profile.sslMode, trustedCaOf(config)),
    stream: addressCheckedSocket(config.profile.sslMode, address.host, address.port),
    connectTimeout: connectTimeoutMs(config),
    charset: 'UTF8MB4_UNICODE_CI',
    connectAttributes: { program_name: 'Strata' },
    // The server may not read local files through us (LOAD DATA LOCAL), and function names stay
    // ordinary identifiers as in the mysql client (IGNORE_SPACE would make `count` reserved).
    flags: ['-LOCAL_FILES', '-IGNORE_SPACE'],
    multipleStatements: false,
    // Catalog reads get exact text for big numbers and dates; statements read every value as text themselves.
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: true,
    enableKeepAlive: true,
  };
}

export function poolOptions(config: DriverConfig): PoolOptions {
  return {
    ...connectionOptions(config),
    connectionLimit: MAX_SESSIONS,
    // mysql2 sweeps idle sessions (closing those idle for idleTimeout) only when maxIdle is below the limit.
    maxIdle: MAX_SESSIONS - 1,
    idleTimeout: SESSION_IDLE_TIMEOUT_MS,
    // Sessions are reset by MysqlConnection.release, which reports it and re-applies the session settings.
    resetOnRelease: false,
  };
}
