import type { PoolConfig } from 'pg';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../../../../shared/model/connection';
import { trustedCaOf } from '../tls/ca-file';
import type { DriverConfig } from '../types';
import { sslOptions } from './ssl';

export const APPLICATION_NAME = 'Strata';
export const DEFAULT_DATABASE = 'postgres';
const DEFAULT_HOST = 'localhost';
const DEFAULT_PORT = 5432;
/** Sessions per database pool; one per editor tab running a query, plus catalog reads. */
const MAX_CLIENTS_PER_POOL = 10;
const CLIENT_IDLE_TIMEOUT_MS = 60_000;

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

export function primaryDatabase(config: DriverConfig): string {
  return config.profile.database || DEFAULT_DATABASE;
}

export function connectTimeoutMs(config: DriverConfig): number {
  return config.profile.connectTimeoutMs || DEFAULT_CONNECT_TIMEOUT_MS;
}

/** Pool settings for one database of the profile's server. Fails with TLS when the profile's CA file cannot be used. */
export function poolConfig(config: DriverConfig, database: string): PoolConfig {
  const { profile } = config;
  const address = serverAddress(config);
  const password = config.password ?? '';
  return {
    host: address.host,
    port: address.port,
    user: address.user || undefined,
    // A function, so that node-postgres never falls back to PGPASSWORD from the environment.
    password: () => password,
    database,
    ssl: sslOptions(profile.sslMode, trustedCaOf(config)),
    connectionTimeoutMillis: connectTimeoutMs(config),
    application_name: APPLICATION_NAME,
    statement_timeout: profile.statementTimeoutMs > 0 ? profile.statementTimeoutMs : undefined,
    // A startup option, so the server itself refuses writes in every transaction of the session.
    options: profile.readOnly ? '-c default_transaction_read_only=on' : undefined,
    keepAlive: true,
    max: MAX_CLIENTS_PER_POOL,
    idleTimeoutMillis: CLIENT_IDLE_TIMEOUT_MS,
    allowExitOnIdle: true,
  };
}
