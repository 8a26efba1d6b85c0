import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIPv6 } from 'node:net';

/** A fresh secret per start: 32 random bytes, base64url. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison; hashing first keeps the length of the expected token from leaking too. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);
const LOOPBACK_NAMES = new Set(['localhost', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase();
  return LOOPBACK_NAMES.has(bare) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

export function isWildcardHost(host: string): boolean {
  return WILDCARD_HOSTS.has(host);
}

/** `host:port` as it appears in a Host header or an origin, with IPv6 literals in brackets. */
export function formatAuthority(host: string, port: number): string {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  return `${isIPv6(bare) ? `[${bare}]` : bare}:${port}`.toLowerCase();
}

export interface RequestGuardOptions {
  host: string;
  port: number;
  token: string;
  /** The machine's own addresses: accepted as Host when listening on a wildcard address, since DNS cannot forge IP literals. */
  localAddresses: string[];
}

export interface Refusal {
  status: 401 | 403;
  message: string;
}

export interface RequestGuard {
  /** Host and Origin checks, for every request: they stop DNS rebinding and cross-site pages. */
  checkSource(headers: { host?: string; origin?: string }): Refusal | null;
  /** The token check, for everything except static files. */
  checkToken(token: string | null): Refusal | null;
}

export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const names = new Set([options.host, 'localhost']);
  if (options.host === 'localhost') ['127.0.0.1', '::1'].forEach((name) => names.add(name));
  if (isWildcardHost(options.host)) options.localAddresses.forEach((name) => names.add(name));
  const authorities = new Set([...names].map((name) => formatAuthority(name, options.port)));
  const origins = new Set([...authorities].map((authority) => `http://${authority}`));

  return {
    checkSource({ host, origin }) {
      if (!host || !authorities.has(host.toLowerCase())) {
        return { status: 403, message: 'This server only answers requests addressed to its own host and port.' };
      }
      if (origin !== undefined && !origins.has(origin.toLowerCase())) {
        return { status: 403, message: 'Requests from other origins are refused.' };
      }
      return null;
    },
    checkToken(token) {
      if (tokenMatches(options.token, token)) return null;
      return { status: 401, message: 'Missing or wrong access token. Open the URL that `npm run serve` printed.' };
    },
  };
}
