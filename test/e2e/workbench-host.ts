import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base, type Page, type TestInfo } from '@playwright/test';
import type { Workspace } from '../../shared/model/workspace';
import { startServe, type ServeProcess } from '../support/serve-process';

/** A host whose process can be replaced by a new one on the same data directory, as quitting and reopening the app does. */
export interface RestartableHost {
  dataDir: string;
  /** The serve.cjs process running now. */
  server(): ServeProcess;
  /**
   * Leaves the page, stops the host (it must exit with 0 on SIGTERM), starts a new serve.cjs process
   * on the same --data-dir and opens its URL in the page.
   */
  restart(): Promise<void>;
  /** The workspace the host has written to disk, or null before the first save. */
  savedWorkspace(): Promise<Workspace | null>;
}

function watchBrowserProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
}

async function stopAndRecord(server: ServeProcess, testInfo: TestInfo, label: string): Promise<void> {
  const code = await server.stop();
  await testInfo.attach(`${label}-stderr`, { body: server.stderr(), contentType: 'text/plain' });
  expect(code, `${label}: serve.cjs exit code after SIGTERM`).toBe(0);
}

interface HostFixtures {
  /** Extra command-line arguments for serve.cjs, as in fixtures.ts. Override with test.use(). */
  serveArgs: string[];
  /** A running host on a fresh data directory, with the page opened at its URL. */
  host: RestartableHost;
}

export const test = base.extend<HostFixtures>({
  serveArgs: [[], { option: true }],
  host: async ({ page, serveArgs }, use, testInfo) => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'strata-e2e-workbench-'));
    const args = () => ['--port', '0', '--data-dir', dataDir, ...serveArgs];
    const problems: string[] = [];
    watchBrowserProblems(page, problems);
    let server: ServeProcess | null = await startServe(args());
    let generation = 1;
    try {
      await page.goto(server.url);
      await use({
        dataDir,
        server: () => {
          if (!server) throw new Error('The host is not running.');
          return server;
        },
        restart: async () => {
          // Like closing the window before quitting: the old page must not keep calling a host that is gone.
          await page.goto('about:blank');
          const old = server;
          server = null;
          if (old) await stopAndRecord(old, testInfo, `host-${generation}`);
          server = await startServe(args());
          generation++;
          await page.goto(server.url);
        },
        savedWorkspace: async () => {
          try {
            return JSON.parse(await fs.readFile(path.join(dataDir, 'workspace.json'), 'utf8')) as Workspace;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
            throw error;
          }
        },
      });
    } finally {
      if (server) await stopAndRecord(server, testInfo, `host-${generation}`);
      if (problems.length > 0) await testInfo.attach('browser-errors', { body: problems.join('\n'), contentType: 'text/plain' });
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
