import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// Electron's binary cannot run in the test environment, so these checks read main.ts itself.
const root = join(import.meta.dirname, '..', '..', '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const IMPORTS_ELECTRON = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)['"]electron['"]/;

describe('electron/main.ts', () => {
  let main: string;

  beforeAll(async () => {
    main = await readFile(join(root, 'electron', 'main.ts'), 'utf8');
  });

  it('creates its window from createWindowOptions only', () => {
    const windows = main.match(/new BrowserWindow\(([^;]*)\)/g) ?? [];
    expect(windows.length).toBeGreaterThan(0);
    for (const call of windows) expect(call).toMatch(/^new BrowserWindow\(createWindowOptions\(/);
    expect(main).not.toMatch(/webPreferences/);
  });

  it('denies every permission request and check', () => {
    expect(main).toMatch(/setPermissionRequestHandler\(\([^)]*\)\s*=>\s*callback\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\)\s*=>\s*false\)/);
  });

  it('locks down every webContents: navigation, redirects, new windows, webviews', () => {
    expect(main).toMatch(/app\.on\('web-contents-created',[^\n]*lockDown\(/);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(main).toContain(`contents.on('${event}', keepOnAppOrigin)`);
    }
    expect(main).toMatch(/isAllowedNavigation\(event\.url\)\)\s*event\.preventDefault\(\)/);
    expect(main).toMatch(/contents\.on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(main).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \};/);
    expect(main).toMatch(/externalLinkTarget\(details\)/);
  });

  it('calls shell.openExternal only with a vetted URL', () => {
    const calls = main.match(/shell\.openExternal\([^)]*\)/g) ?? [];
    expect(calls).toEqual(['shell.openExternal(target)']);
    expect(main).toMatch(/const target = externalLinkTarget\(details\);\s*if \(target\) shell\.openExternal\(target\)/);
  });

  it('checks the sender frame before any IPC call reaches the core', () => {
    expect(main).toMatch(/ipcMain\.handle\(IPC_INVOKE/);
    expect(main).toMatch(/if \(!client \|\| !frame \|\| !isTrustedSender\(frame\.url, frame\.parent === null\)\) return untrustedSenderResult\(\);/);
    expect(main.indexOf('isTrustedSender(frame.url')).toBeLessThan(main.indexOf('.invoke(channel, input)'));
    expect(main).not.toMatch(/ipcMain\.on\(/);
  });

  it('registers the privileged app:// scheme before ready and serves it with the resolver', () => {
    expect(main.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(main.indexOf('app.whenReady()'));
    expect(main).toMatch(/protocol\.handle\(APP_SCHEME[\s\S]*loadAppResponse\(request\.url, request\.method, paths\.rendererDir\)/);
    expect(main).toContain('loadURL(APP_ENTRY_URL)');
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('holds the single-instance lock and disposes the core before quitting', () => {
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toMatch(/app\.on\('before-quit'[\s\S]*?\.dispose\(\)/);
  });
});

describe("imports of 'electron'", () => {
  it('appear only in electron/main.ts and electron/preload.ts', async () => {
    const files = (await Promise.all(['electron', 'shared', 'renderer'].map((dir) => sourceFiles(join(root, dir))))).flat();
    expect(files.length).toBeGreaterThan(10);
    const importers: string[] = [];
    for (const file of files) {
      if (IMPORTS_ELECTRON.test(await readFile(file, 'utf8'))) importers.push(relative(root, file).split('\\').join('/'));
    }
    expect(importers.sort()).toEqual(['electron/main.ts', 'electron/preload.ts']);
  });
});
