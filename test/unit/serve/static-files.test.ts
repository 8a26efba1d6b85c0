import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';
import { createStaticFiles } from '../../../electron/serve/static-files';

let tmp: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-test-serve-static-'));
  const root = path.join(tmp, 'renderer');
  await fs.mkdir(path.join(root, 'assets'), { recursive: true });
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>Strata</title>');
  for (const name of ['app.js', 'app.css', 'font.woff2', 'font.ttf', 'logo.svg', 'sqlite.wasm', 'blob.xyz']) {
    await fs.writeFile(path.join(root, 'assets', name), `content of ${name}`);
  }
  await fs.writeFile(path.join(tmp, 'secret.txt'), 'outside the root');
  await fs.symlink(path.join(tmp, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  const serveStatic = createStaticFiles(root);
  server = http.createServer((req, res) => void serveStatic(req, res, (req.url ?? '/').split('?')[0]));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A raw request: unlike fetch, Node's http client sends the path exactly as given, `..` included. */
function get(requestPath: string, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: requestPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Strata</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('labels each asset with its content type', async () => {
    const expected: Record<string, string> = {
      'app.js': 'text/javascript; charset=utf-8',
      'app.css': 'text/css; charset=utf-8',
      'font.woff2': 'font/woff2',
      'font.ttf': 'font/ttf',
      'logo.svg': 'image/svg+xml',
      'sqlite.wasm': 'application/wasm',
      'blob.xyz': 'application/octet-stream',
    };
    for (const [name, type] of Object.entries(expected)) {
      const res = await get(`/assets/${name}`);
      expect(res.status, name).toBe(200);
      expect(res.headers['content-type'], name).toBe(type);
      expect(res.body).toBe(`content of ${name}`);
    }
  });

  it('answers HEAD without a body', async () => {
    const res = await get('/assets/app.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String('content of app.js'.length));
    expect(res.body).toBe('');
  });

  it('never reaches outside its root', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/assets/link.txt',
      '/assets/app.js%00.html',
      '/%E0%A4%A',
    ]) {
      const res = await get(attempt);
      expect(res.status, attempt).toBe(404);
      expect(res.body, attempt).not.toContain('outside the root');
      expect(res.headers['content-security-policy'], attempt).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('gives 404 for missing files and directories', async () => {
    expect((await get('/missing.js')).status).toBe(404);
    expect((await get('/assets')).status).toBe(404);
  });
});
