import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, runServe, startServe, type ServeProcess } from '../../support/serve-process';

let tmp: string;

beforeAll(async () => {
  buildMain();
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-test-serve-cli-'));
}, 120_000);

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('serve command line', () => {
  it('--help prints the usage and exits 0 without starting', async () => {
    const result = await runServe(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /);
    expect(result.stdout).toContain('--data-dir');
    expect(result.stdout).not.toContain('serving at');
  });

  it('an unknown flag is a clear error with exit code 2', async () => {
    const result = await runServe(['--prot', '8080', '--data-dir', tmp]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--prot');
    expect(result.stderr).toContain('--help');
    expect(result.stdout).toBe('');
  });

  it('a bad port is a clear error with exit code 2', async () => {
    const result = await runServe(['--port', 'eighty', '--data-dir', tmp]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not a port');
  });

  describe('running', () => {
    let server: ServeProcess;

    beforeAll(async () => {
      server = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data')]);
    });

    afterAll(async () => {
      await server.stop();
    });

    it('prints exactly one line, with a loopback URL and a fresh 32-byte token', () => {
      expect(server.stdout()).toBe(`Strata is serving at http://127.0.0.1:${server.port}/#token=${server.token}\n`);
      expect(server.port).toBeGreaterThan(0);
      expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
      expect(server.stderr()).not.toMatch(/warning/i);
    });

    it('refuses a port that is taken, with exit code 1', async () => {
      const result = await runServe(['--port', String(server.port), '--data-dir', path.join(tmp, 'data-2')]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${server.port} on 127.0.0.1 is already in use`);
      expect(result.stdout).toBe('');
    });

    it('uses a different token on every start', async () => {
      const other = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data-3')]);
      try {
        expect(other.token).not.toBe(server.token);
      } finally {
        await other.stop();
      }
    });
  });

  it('warns on stderr when listening beyond loopback', async () => {
    const server = await startServe(['--host', '0.0.0.0', '--port', '0', '--data-dir', path.join(tmp, 'data-4')]);
    try {
      expect(server.host).toBe('0.0.0.0');
      await expect.poll(() => server.stderr()).toMatch(/Warning: listening on 0\.0\.0\.0/);
    } finally {
      await server.stop();
    }
  });

  it('exits 0 on SIGTERM and on SIGINT', async () => {
    const first = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data-5')]);
    expect(await first.stop()).toBe(0);
    expect(first.stdout().split('\n')).toEqual([expect.stringMatching(/^Strata is serving at /), '']);
    const second = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data-5')]);
    second.child.kill('SIGINT');
    expect(await second.stop()).toBe(0);
  });
});
