import { readFile, realpath } from 'node:fs/promises';
import { resolveAppFile, isInside } from './app-file';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeFor } from './content-types';

/** What protocol.handle('app', …) answers, as plain data so it can be tested without Electron. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function plain(status: number, text: string): AppResponse {
  return { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: text };
}

/**
 * Answers one request on app://strata/ from the files in `rendererDir`. Refuses other origins and
 * traversal (see resolveAppFile), and symlinks that lead out of the directory. Every response,
 * errors included, carries the CSP.
 */
export async function loadAppResponse(url: string, method: string, rendererDir: string): Promise<AppResponse> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveAppFile(url, rendererDir);
  if (!file) return plain(404, 'Not found');
  let body: Uint8Array;
  try {
    const [realFile, realDir] = await Promise.all([realpath(file), realpath(rendererDir)]);
    if (!isInside(realFile, realDir)) return plain(404, 'Not found');
    body = await readFile(realFile);
  } catch {
    return plain(404, 'Not found');
  }
  const headers = { ...baseHeaders(), 'Content-Type': contentTypeFor(file) };
  return { status: 200, headers, body: method === 'HEAD' ? '' : body };
}
