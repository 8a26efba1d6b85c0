import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeFor } from '../shell/content-types';
import { replyText } from './http-reply';
import { SECURITY_HEADERS } from './security-headers';

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<void>;

/**
 * Serves the built renderer from `rootDir` for GET and HEAD. `pathname` is the raw (still encoded)
 * path of the request. Nothing outside rootDir can be reached: `..`, encoded separators and
 * symlinks that lead out all end in 404.
 */
export function createStaticFiles(rootDir: string): StaticHandler {
  let realRoot: Promise<string | null> | null = null;
  const resolveRoot = () => (realRoot ??= fs.promises.realpath(rootDir).catch(() => null));

  return async (req, res, pathname) => {
    const root = await resolveRoot();
    if (root === null) {
      realRoot = null;
      replyText(res, 404, 'The Strata renderer is not built. Run `npm run build`, then start the server again.');
      return;
    }
    const file = await locate(root, pathname);
    if (file === null) {
      replyText(res, 404, 'Not found.');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file.path),
      'Content-Length': file.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await pipeline(fs.createReadStream(file.path), res).catch(() => res.destroy());
  };
}

async function locate(root: string, pathname: string): Promise<{ path: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = path.posix.normalize(`/${decoded}`).slice(1);
  const wanted = path.join(root, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
  try {
    const real = await fs.promises.realpath(wanted);
    if (real !== root && !real.startsWith(root + path.sep)) return null;
    const stat = await fs.promises.stat(real);
    return stat.isFile() ? { path: real, size: stat.size } : null;
  } catch {
    return null;
  }
}
