import { isAppUrl } from './app-origin';

/** Navigation (will-navigate, will-frame-navigate, will-redirect) is allowed only within our own origin. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The normalized URL if `url` may be handed to the operating system's browser: an absolute http: or
 * https: URL with a host and no embedded credentials. Never file:, javascript:, smb:, custom schemes.
 */
export function safeExternalUrl(url: string): string | null {
  const parsed = URL.parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** What setWindowOpenHandler receives, reduced to what the decision needs. */
export interface WindowOpenRequest {
  url: string;
  disposition: string;
  /** Present when a form with target=_blank is submitted. */
  postBody?: unknown;
}

/** Link clicks (target=_blank, middle- or modifier-click) arrive with these dispositions. */
const LINK_DISPOSITIONS = new Set(['foreground-tab', 'background-tab', 'new-window']);

/**
 * The app never opens windows of its own. A clicked http(s) link opens in the user's browser:
 * this returns the URL to pass to shell.openExternal, or null to just deny.
 */
export function externalLinkTarget(request: WindowOpenRequest): string | null {
  if (request.postBody !== undefined && request.postBody !== null) return null;
  if (!LINK_DISPOSITIONS.has(request.disposition)) return null;
  return safeExternalUrl(request.url);
}
