import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppFile } from '../../../electron/shell/app-file';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES } from '../../../electron/shell/app-origin';
import { loadAppResponse } from '../../../electron/shell/app-response';
import { contentTypeFor } from '../../../electron/shell/content-types';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';

const TRAVERSALS = [
  'app://strata/../secret.txt',
  'app://strata/assets/../../secret.txt',
  'app://strata/%2e%2e/secret.txt',
  'app://strata/%2E%2E/secret.txt',
  'app://strata/.%2e/secret.txt',
  'app://strata/..%2fsecret.txt',
  'app://strata/..%2Fsecret.txt',
  'app://strata/assets/..%2F..%2Fsecret.txt',
  'app://strata/..%5csecret.txt',
  'app://strata/..\\secret.txt',
  'app://strata/%2e%2e%5c%2e%2e%5csecret.txt',
  'app://strata//etc/passwd',
  'app://strata/%2fetc%2fpasswd',
  'app://strata/C:%5cWindows%5cwin.ini',
  'app://strata/C:/Windows/win.ini',
  'app://strata/index.html%00.png',
  'app://strata/%',
  'app://strata/%E0%A4%A',
];

const OTHER_ORIGINS = [
  'app://evil/index.html',
  'app://strata.evil/index.html',
  'app://strata:8080/index.html',
  'app://user:pass@strata/index.html',
  'file:///etc/passwd',
  'https://strata/index.html',
  'not a url',
];

describe('resolveAppFile', () => {
  const dir = '/srv/renderer';

  it('maps our origin to files inside the renderer directory', () => {
    expect(resolveAppFile(APP_ENTRY_URL, dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://strata/', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://strata', dir)).toBe(join(dir, 'index.html'));
    expect(resolveAppFile('app://strata/assets/index-abc.js?v=1#x', dir)).toBe(join(dir, 'assets', 'index-abc.js'));
    expect(resolveAppFile('app://strata/assets/my%20font.woff2', dir)).toBe(join(dir, 'assets', 'my font.woff2'));
  });

  it.each(TRAVERSALS)('refuses traversal: %s', (url) => {
    expect(resolveAppFile(url, dir)).toBeNull();
  });

  it.each(OTHER_ORIGINS)('refuses other origins and schemes: %s', (url) => {
    expect(resolveAppFile(url, dir)).toBeNull();
  });
});

describe('loadAppResponse', () => {
  let root: string;
  let rendererDir: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'strata-test-shell-'));
    rendererDir = join(root, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Strata</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(root, 'secret.txt'), 'TOP SECRET');
    await symlink(join(root, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves the entry page and assets with their types and the CSP', async () => {
    const page = await loadAppResponse(APP_ENTRY_URL, 'GET', rendererDir);
    expect(page.status).toBe(200);
    expect(Buffer.from(page.body).toString()).toContain('<title>Strata</title>');
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['X-Content-Type-Options']).toBe('nosniff');

    const script = await loadAppResponse('app://strata/assets/app.js', 'GET', rendererDir);
    expect(script.status).toBe(200);
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([...TRAVERSALS, ...OTHER_ORIGINS])('never serves a file outside the renderer directory: %s', async (url) => {
    const response = await loadAppResponse(url, 'GET', rendererDir);
    expect(response.status).toBe(404);
    expect(Buffer.from(response.body).toString()).not.toContain('TOP SECRET');
    expect(response.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('does not follow a symlink out of the renderer directory', async () => {
    const response = await loadAppResponse('app://strata/assets/leak.txt', 'GET', rendererDir);
    expect(response.status).toBe(404);
    expect(Buffer.from(response.body).toString()).not.toContain('TOP SECRET');
  });

  it('answers 404 for missing files and directories, and 405 for writes', async () => {
    expect((await loadAppResponse('app://strata/missing.js', 'GET', rendererDir)).status).toBe(404);
    expect((await loadAppResponse('app://strata/assets', 'GET', rendererDir)).status).toBe(404);
    const post = await loadAppResponse(APP_ENTRY_URL, 'POST', rendererDir);
    expect(post.status).toBe(405);
    expect(post.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('types unknown files as opaque bytes so nothing is sniffed into HTML', () => {
    expect(contentTypeFor('/x/data.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/INDEX.HTML')).toBe('text/html; charset=utf-8');
  });
});

describe('APP_SCHEME_PRIVILEGES', () => {
  it('makes app:// a standard secure origin without bypassing the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, codeCache: true });
  });
});
