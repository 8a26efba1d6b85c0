import { defaultPort, verifiesCertificate, type ConnectionDraft, type Engine, type SslMode } from './model/connection';

export interface ParsedConnectionUrl {
  draft: Partial<ConnectionDraft>;
  /** The password from the URL, percent-decoded; null when the URL has none. */
  password: string | null;
}

const EXAMPLE = 'expected postgres://user@host:5432/db, mysql://…, mongodb://…, redis://…, sqlite:path/to/file.db or a path ending in .sqlite, .sqlite3 or .db';
const SQLITE_FILE = /\.(?:sqlite3?|db)$/i;
const SERVER_URL = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(?:\/([^?#]*))?(?:\?([^#]*))?(?:#.*)?$/i;

const SERVER_SCHEMES: Record<string, { engine: Exclude<Engine, 'sqlite'>; sslMode: SslMode }> = {
  postgres: { engine: 'postgres', sslMode: 'disable' },
  postgresql: { engine: 'postgres', sslMode: 'disable' },
  mysql: { engine: 'mysql', sslMode: 'disable' },
  mariadb: { engine: 'mysql', sslMode: 'disable' },
  mongodb: { engine: 'mongodb', sslMode: 'disable' },
  // SRV records point at Atlas-style clusters, which always use TLS.
  'mongodb+srv': { engine: 'mongodb', sslMode: 'require' },
  redis: { engine: 'redis', sslMode: 'disable' },
  rediss: { engine: 'redis', sslMode: 'require' },
};

/** libpq's sslmode and MySQL's ssl-mode values, mapped to the four modes Strata offers. */
const SSL_MODE_VALUES: Record<string, SslMode> = {
  disable: 'disable',
  disabled: 'disable',
  allow: 'disable',
  prefer: 'disable',
  preferred: 'disable',
  require: 'require',
  required: 'require',
  'verify-ca': 'verify-ca',
  verify_ca: 'verify-ca',
  'verify-full': 'verify-full',
  verify_identity: 'verify-full',
};

const SSL_MODE_PARAMS = ['sslmode', 'ssl-mode', 'ssl_mode'];
const SSL_FLAG_PARAMS = ['ssl', 'tls'];
/** The parameters naming a CA certificate file: libpq's, MySQL's option and URI spellings. */
const CA_FILE_PARAMS = ['sslrootcert', 'ssl-ca', 'ssl_ca'];
/** libpq's sslrootcert=system: the system's trusted authorities, which Strata uses when no file is named. */
const SYSTEM_CA = 'system';

/**
 * Reads a connection URL pasted by the user into the fields of a connection draft. Throws an Error whose
 * message says what is wrong with the text.
 */
export function parseConnectionUrl(text: string): ParsedConnectionUrl {
  const input = text.trim();
  if (input === '') throw new Error(`The connection URL is empty: ${EXAMPLE}.`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1]?.toLowerCase();
  if (scheme === 'sqlite' || scheme === 'file') return parseSqliteUrl(input, scheme);
  if (scheme && scheme in SERVER_SCHEMES) return parseServerUrl(input, scheme);
  if (SQLITE_FILE.test(input) && !input.includes('://')) return sqliteDraft(input, false);
  throw new Error(`That does not look like a connection URL: ${EXAMPLE}.`);
}

function parseServerUrl(input: string, scheme: string): ParsedConnectionUrl {
  const { engine, sslMode: schemeSslMode } = SERVER_SCHEMES[scheme];
  const match = SERVER_URL.exec(input);
  if (!match) throw new Error(`That ${scheme}:// URL is malformed: expected ${scheme}://user:password@host:port/database.`);
  const [, , authority, path = '', query = ''] = match;

  // A password may hold a raw "@"; the host never does, so the last "@" ends the user part.
  const at = authority.lastIndexOf('@');
  const userInfo = at === -1 ? null : authority.slice(0, at);
  const hostPort = at === -1 ? authority : authority.slice(at + 1);
  const colon = userInfo === null ? -1 : userInfo.indexOf(':');
  const user = userInfo === null ? '' : decode(colon === -1 ? userInfo : userInfo.slice(0, colon), 'user name');
  const password = userInfo === null || colon === -1 ? null : decode(userInfo.slice(colon + 1), 'password');

  const { host, port } = parseHostPort(hostPort, scheme);
  const params = parseQuery(query);
  const sslMode = sslModeFrom(params, schemeSslMode);
  const draft: Partial<ConnectionDraft> = {
    engine,
    host,
    port: port ?? defaultPort(engine),
    user,
    database: parseDatabase(path, engine),
    sslMode,
  };
  if (engine === 'postgres' || engine === 'mysql') Object.assign(draft, caFileFrom(params, sslMode));
  const timeoutSeconds = params.get('connect_timeout') ?? params.get('connectTimeoutMS');
  if (timeoutSeconds !== undefined) draft.connectTimeoutMs = parseTimeout(timeoutSeconds, params.has('connectTimeoutMS'));
  return { draft, password };
}

function parseHostPort(hostPort: string, scheme: string): { host: string; port: number | null } {
  if (hostPort.includes(',')) {
    throw new Error('The URL lists several hosts. Strata connects to one host: keep the one you want and remove the others.');
  }
  const ipv6 = /^\[([^\]]+)\](?::(.*))?$/.exec(hostPort);
  const [rawHost, rawPort] = ipv6 ? [ipv6[1], ipv6[2]] : splitOnce(hostPort, ':');
  const host = decode(rawHost, 'host');
  if (host === '') throw new Error(`The URL has no host: expected ${scheme}://host:port/…, for example ${scheme}://127.0.0.1/.`);
  if (rawPort === undefined || rawPort === '') return { host, port: null };
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) {
    throw new Error(`The port "${truncate(rawPort)}" is not a number between 1 and 65535.`);
  }
  return { host, port };
}

function parseDatabase(path: string, engine: Engine): string {
  const database = decode(path, 'database name');
  if (engine === 'redis' && database !== '' && !/^\d+$/.test(database)) {
    throw new Error(`Redis databases are numbered: "${truncate(database)}" should be a number such as 0.`);
  }
  return database;
}

function sslModeFrom(params: Map<string, string>, fallback: SslMode): SslMode {
  const value = SSL_MODE_PARAMS.map((name) => params.get(name)).find((given) => given !== undefined);
  if (value !== undefined) {
    const mode = SSL_MODE_VALUES[value.toLowerCase()];
    if (!mode) throw new Error(`The sslmode "${truncate(value)}" is unknown: use disable, require, verify-ca or verify-full.`);
    return mode;
  }
  const flag = SSL_FLAG_PARAMS.map((name) => params.get(name)).find((given) => given !== undefined);
  if (flag !== undefined) return flag === 'true' || flag === '1' ? 'require' : 'disable';
  return fallback;
}

/**
 * The CA certificate file a postgres or mysql URL names, with the SSL mode that goes with it: as in libpq, a
 * CA file turns 'require' into 'verify-ca', and a CA file without any mode asks for 'verify-ca' as well.
 * sslrootcert=system names the system's authorities, which Strata uses when no file is named, and as in
 * libpq it goes only with verify-full.
 */
function caFileFrom(params: Map<string, string>, sslMode: SslMode): Pick<ConnectionDraft, 'sslMode' | 'sslRootCertPath'> | null {
  const key = CA_FILE_PARAMS.find((name) => params.has(name));
  const value = key === undefined ? '' : (params.get(key) ?? '');
  // MySQL Shell writes paths in parentheses: ssl-ca=(/etc/mysql/ca.pem).
  const path = /^\(.*\)$/.test(value) ? value.slice(1, -1) : value;
  if (key === undefined || path === '') return null;
  const modeGiven = [...SSL_MODE_PARAMS, ...SSL_FLAG_PARAMS].some((name) => params.has(name));
  if (key === 'sslrootcert' && path.toLowerCase() === SYSTEM_CA) {
    if (modeGiven && sslMode !== 'verify-full') {
      throw new Error("sslrootcert=system trusts the system's authorities and needs sslmode=verify-full: change the sslmode or remove sslrootcert.");
    }
    return { sslMode: 'verify-full' };
  }
  if (path.length > 4096) throw new Error(`The ${key} path in the URL is longer than 4096 characters.`);
  const verifyingMode = verifiesCertificate(sslMode) ? sslMode : sslMode === 'require' || !modeGiven ? 'verify-ca' : sslMode;
  return { sslMode: verifyingMode, sslRootCertPath: path };
}

function parseTimeout(value: string, inMilliseconds: boolean): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number === 0) throw new Error(`The connect timeout "${truncate(value)}" is not a positive whole number.`);
  return Math.min(Math.max(inMilliseconds ? number : number * 1000, 100), 600_000);
}

function parseSqliteUrl(input: string, scheme: 'sqlite' | 'file'): ParsedConnectionUrl {
  const [withoutFragment] = splitOnce(input.slice(scheme.length + 1), '#');
  const [location, query = ''] = splitOnce(withoutFragment, '?');
  // sqlite:///abs/path and file:///abs/path carry an empty host; file://localhost/abs/path names it.
  let rawPath = location;
  if (rawPath.startsWith('//')) {
    const slash = rawPath.indexOf('/', 2);
    const host = slash === -1 ? rawPath.slice(2) : rawPath.slice(2, slash);
    if (host !== '' && host.toLowerCase() !== 'localhost') {
      throw new Error(`A ${scheme}: URL names a file on this computer: expected ${scheme}:///absolute/path/to/file.db.`);
    }
    rawPath = slash === -1 ? '' : rawPath.slice(slash);
  }
  let filePath = decode(rawPath, 'file path');
  // file:///C:/data/app.db names a Windows drive: drop the slash before the drive letter.
  if (/^\/[a-zA-Z]:[/\\]/.test(filePath)) filePath = filePath.slice(1);
  if (filePath === '') throw new Error(`The ${scheme}: URL has no file path: expected ${scheme}:path/to/file.db.`);
  return sqliteDraft(filePath, parseQuery(query).get('mode') === 'ro');
}

function sqliteDraft(filePath: string, readOnly: boolean): ParsedConnectionUrl {
  const name = filePath.split(/[/\\]/).filter(Boolean).pop() ?? filePath;
  return { draft: { engine: 'sqlite', name, host: '', port: 0, filePath, readOnly }, password: null };
}

function parseQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [key, value = ''] = splitOnce(pair, '=');
    params.set(decode(key, 'query parameter'), decode(value, 'query parameter'));
  }
  return params;
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new Error(`The ${what} in the URL has a broken percent escape: write a literal % as %25.`);
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const index = text.indexOf(separator);
  return index === -1 ? [text, undefined] : [text.slice(0, index), text.slice(index + separator.length)];
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
