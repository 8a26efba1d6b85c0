import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';
import { buildMain, ensureRendererBuilt, startServe, type ServeProcess } from '../../support/serve-process';
import { upgradeStatus } from './wire-client';

let tmp: string;
let server: ServeProcess;

beforeAll(async () => {
  buildMain();
  ensureRendererBuilt();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-test-serve-http-'));
  server = await startServe(['--port', '0', '--data-dir', tmp]);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  await fs.rm(tmp, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request with exactly the given path and headers (fetch would not let us forge Host). */
function request(requestPath: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: requestPath, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const wsUrl = (token?: string) => `ws://127.0.0.1:${server.port}/ws${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

describe('static renderer', () => {
  it('serves / without a token, with the CSP and the other security headers', async () => {
    const res = await request('/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toMatch(/<script type="module"[^>]*src="[^"]+\.js"/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it('serves the scripts and styles index.html refers to, with their content types', async () => {
    const index = await request('/');
    const assets = [...index.body.matchAll(/(?:src|href)="\.?\/?([^"]+\.(js|css))"/g)];
    expect(assets.length).toBeGreaterThan(0);
    for (const [, file, extension] of assets) {
      const res = await request(`/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers['content-type'], file).toBe(extension === 'js' ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
    }
  });

  it('answers 404 for missing files and traversal attempts', async () => {
    expect((await request('/no-such-file.js')).status).toBe(404);
    const traversal = await request('/../../package.json');
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('"name": "strata"');
    expect((await request('/%2e%2e/%2e%2e/package.json')).status).toBe(404);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even for static files', async () => {
    expect((await request('/', { headers: { Host: `attacker.example:${server.port}` } })).status).toBe(403);
    expect((await request('/', { headers: { Origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await request('/', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });
});

describe('everything but static files needs the token', () => {
  it('answers 401 to other methods without the token', async () => {
    expect((await request('/', { method: 'POST' })).status).toBe(401);
    expect((await request(`/?token=${server.token}`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses the WebSocket without a token or with a wrong one (401)', async () => {
    expect(await upgradeStatus(wsUrl())).toBe(401);
    expect(await upgradeStatus(wsUrl(''))).toBe(401);
    // The last character changed to one it is not (a fixed 'A' would be the real token one time in 64).
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await upgradeStatus(wsUrl(wrong))).toBe(401);
    expect((await request('/ws')).status).toBe(401);
  });

  it('refuses the WebSocket from a foreign Origin or with a foreign Host (403), even with the token', async () => {
    expect(await upgradeStatus(wsUrl(server.token), { Origin: 'http://attacker.example' })).toBe(403);
    expect(await upgradeStatus(wsUrl(server.token), { Origin: `http://127.0.0.1:${server.port + 1}` })).toBe(403);
    expect(await upgradeStatus(wsUrl(server.token), { Host: `attacker.example:${server.port}` })).toBe(403);
  });

  it('accepts the WebSocket with the token from its own origin', async () => {
    expect(await upgradeStatus(wsUrl(server.token), { Origin: server.origin })).toBe(101);
    expect(await upgradeStatus(wsUrl(server.token))).toBe(101);
  });
});

describe('listening address', () => {
  it('binds loopback only by default', async (context) => {
    expect(server.host).toBe('127.0.0.1');
    const others = Object.values(os.networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .filter((entry) => !entry.internal && (entry.family === 'IPv4' || entry.scopeid === 0));
    if (others.length === 0) return context.skip('This machine has no non-loopback address to try.');
    for (const other of others) {
      const outcome = await new Promise<string>((resolve) => {
        const socket = net.connect({ host: other.address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
      expect(outcome, other.address).toBe('ECONNREFUSED');
    }
  });
});
