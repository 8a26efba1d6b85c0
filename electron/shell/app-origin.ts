/** The renderer is served from app://strata/, a privileged custom scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'strata';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin (so relative URLs,
 * localStorage and the CSP's 'self' work as for https) that fetch() can use, with V8 code caching.
 * Deliberately not bypassCSP, corsEnabled, allowServiceWorkers or stream.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

/** Whether `url` is on our own origin: exactly app://strata, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed) return false;
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
