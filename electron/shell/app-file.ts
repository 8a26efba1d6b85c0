import { isAbsolute, join, relative, sep } from 'node:path';
import { isAppUrl } from './app-origin';

/** Characters that must never appear in one decoded path segment: separators, drive colons, NUL. */
const FORBIDDEN_IN_SEGMENT = /[/\\:\0]/;

/**
 * A `.` or `..` segment, with dots and separators raw or percent-encoded. The URL parser would
 * quietly resolve these; a request that contains one is refused instead.
 */
const DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){1,2}(?:[/\\?#]|%2f|%5c|$)/i;

/**
 * Maps an app://strata/ URL to a file inside `rendererDir`, or null when the URL is on another
 * origin or tries to leave the directory (`..` plain or percent-encoded, encoded separators,
 * drive letters, NUL bytes). `app://strata/` maps to index.html. Query and fragment are ignored.
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  if (!isAppUrl(url) || DOT_SEGMENT.test(url)) return null;
  const parsed = new URL(url);
  const rawSegments = parsed.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || FORBIDDEN_IN_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  if (segments.length === 0 || segments[segments.length - 1] === '') {
    segments[Math.max(segments.length - 1, 0)] = 'index.html';
  }
  if (segments.some((segment) => segment === '')) return null;
  const file = join(rendererDir, ...segments);
  return isInside(file, rendererDir) ? file : null;
}

/** Whether `file` lies strictly inside `dir` (both absolute). */
export function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !isAbsolute(path) && path !== '..' && !path.startsWith(`..${sep}`);
}
