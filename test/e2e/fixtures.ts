import { test as base, expect } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startServe, type ServeProcess } from '../support/serve-process';

export interface StrataApp {
  server: ServeProcess;
  /** The server's fresh data directory (so the sample database is copied anew for every test). */
  dataDir: string;
}

interface Fixtures {
  /** Extra command-line arguments for serve.cjs, e.g. a SQLite file to open. Override with test.use(). */
  serveArgs: string[];
  /** A running server, with the page opened at its URL. */
  strata: StrataApp;
}

export const test = base.extend<Fixtures>({
  serveArgs: [[], { option: true }],
  strata: async ({ page, serveArgs }, use, testInfo) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-data-'));
    const server = await startServe(['--port', '0', '--data-dir', dataDir, ...serveArgs]);
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    try {
      await page.goto(server.url);
      await use({ server, dataDir });
    } finally {
      const code = await server.stop();
      if (problems.length > 0) await testInfo.attach('browser-errors', { body: problems.join('\n'), contentType: 'text/plain' });
      await testInfo.attach('server-stderr', { body: server.stderr(), contentType: 'text/plain' });
      await fs.rm(dataDir, { recursive: true, force: true });
      expect(code, 'serve.cjs exit code after SIGTERM').toBe(0);
    }
  },
});

export { expect };
