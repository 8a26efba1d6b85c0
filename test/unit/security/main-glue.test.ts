import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInThisContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InvokeResult } from '../../../shared/ipc/wire';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shell/csp';

// Electron's binary cannot run here, so the bundled main process (out/main/main.cjs) runs under Node
// with a recording stand-in for the 'electron' module and the real core behind it.
const root = join(import.meta.dirname, '..', '..', '..');

type Handler = (...args: never[]) => unknown;

interface FakeContents {
  id: number;
  handlers: Map<string, Handler>;
  windowOpenHandler?: (details: { url: string; disposition: string }) => { action: string };
  sent: unknown[][];
}

function fakeContents(id: number): FakeContents & Record<string, unknown> {
  const contents: FakeContents & Record<string, unknown> = {
    id,
    handlers: new Map(),
    sent: [],
    on(event: string, handler: Handler) {
      contents.handlers.set(event, handler);
    },
    setWindowOpenHandler(handler: FakeContents['windowOpenHandler']) {
      contents.windowOpenHandler = handler;
    },
    isDestroyed: () => false,
    send: (...args: unknown[]) => contents.sent.push(args),
  };
  return contents;
}

function fakeElectron(appPath: string, dataDir: string) {
  const calls: string[] = [];
  const appHandlers = new Map<string, Handler>();
  const windows: { options: { webPreferences: Record<string, unknown> }; url?: string; contents: FakeContents }[] = [];
  let ready!: () => void;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const session = {
    permissionRequest: undefined as undefined | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: undefined as undefined | (() => boolean),
    devicePermission: undefined as undefined | (() => boolean),
  };
  let protocolHandler: ((request: Request) => Promise<Response>) | undefined;
  let invokeHandler: ((event: unknown, channel: unknown, input: unknown) => Promise<InvokeResult>) | undefined;
  const openedExternally: string[] = [];

  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    static getFocusedWindow = () => null;
    webContents: FakeContents;
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.webContents = fakeContents(windows.length + 1);
      appHandlers.get('web-contents-created')?.({} as never, this.webContents as never);
      windows.push({ options, contents: this.webContents });
      BrowserWindow.all.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      windows[windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  }

  const electron = {
    app: {
      setName: (name: string) => calls.push(`setName:${name}`),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (event: string, handler: Handler) => appHandlers.set(event, handler),
      whenReady: () => whenReady,
      isPackaged: false,
      getAppPath: () => appPath,
      getPath: () => dataDir,
      getVersion: () => '9.9.9',
      quit: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => calls.push(`registerSchemesAsPrivileged:${JSON.stringify(schemes)}`),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        calls.push(`handle:${scheme}`);
        protocolHandler = handler;
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof session.permissionRequest) => (session.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof session.permissionCheck) => (session.permissionCheck = handler),
        setDevicePermissionHandler: (handler: typeof session.devicePermission) => (session.devicePermission = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: typeof invokeHandler) => {
        calls.push(`ipcMain.handle:${channel}`);
        invokeHandler = handler;
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => calls.push('setApplicationMenu') },
    nativeTheme: { shouldUseDarkColors: false },
    dialog: { showErrorBox: (title: string, message: string) => calls.push(`showErrorBox:${title}:${message}`), showOpenDialog: vi.fn() },
    shell: { openExternal: async (url: string) => void openedExternally.push(url) },
    BrowserWindow,
  };

  return {
    electron,
    calls,
    appHandlers,
    windows,
    session,
    openedExternally,
    ready: () => ready(),
    protocol: (url: string, method = 'GET') => protocolHandler!(new Request(url, { method })),
    invoke: (event: unknown, channel: unknown, input: unknown) => invokeHandler!(event, channel, input),
  };
}

describe('out/main/main.cjs with a recording electron module', () => {
  let scratch: string;
  let dataDir: string;
  let fake: ReturnType<typeof fakeElectron>;
  const savedArgv = process.argv;

  const trusted = (id = 1) => ({ sender: { id }, senderFrame: { url: 'app://strata/index.html', parent: null } });

  beforeAll(async () => {
    execFileSync(process.execPath, ['electron/build/bundle.mjs', 'main'], { cwd: root, stdio: 'pipe' });
    scratch = await mkdtemp(join(tmpdir(), 'strata-test-shell-'));
    dataDir = join(scratch, 'data');
    await mkdir(join(scratch, 'out', 'renderer'), { recursive: true });
    await writeFile(join(scratch, 'out', 'renderer', 'index.html'), '<!doctype html><title>Strata</title>');
    await writeFile(join(scratch, 'secret.txt'), 'TOP SECRET');

    fake = fakeElectron(scratch, dataDir);
    const mainFile = join(root, 'out', 'main', 'main.cjs');
    const realRequire = createRequire(mainFile);
    const requireForMain = (name: string) => (name === 'electron' ? fake.electron : realRequire(name));
    const module = { exports: {} };
    process.argv = ['electron', '.'];
    Object.assign(process, { defaultApp: true });
    try {
      const source = await readFile(mainFile, 'utf8');
      // Evaluated like Node's CommonJS loader does, with 'electron' swapped for the recorder.
      const load = runInThisContext(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: mainFile }) as (
        ...args: unknown[]
      ) => void;
      load(module.exports, requireForMain, module, mainFile, join(root, 'out', 'main'));
    } finally {
      process.argv = savedArgv;
    }
  });

  afterAll(async () => {
    delete (process as { defaultApp?: boolean }).defaultApp;
    await rm(scratch, { recursive: true, force: true });
  });

  it('registers the privileged scheme and the sandbox before the app is ready', () => {
    expect(fake.calls).toContain('enableSandbox');
    expect(fake.calls).toContain(
      'registerSchemesAsPrivileged:[{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"codeCache":true}}]',
    );
    expect(fake.calls).toContain('ipcMain.handle:strata:invoke');
    expect(fake.calls).not.toContain('handle:app');
    expect(fake.windows).toHaveLength(0);
  });

  it('on ready: denies permissions, serves app://, and opens one sandboxed window on app://strata/index.html', async () => {
    fake.ready();
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));

    const granted: boolean[] = [];
    fake.session.permissionRequest!({}, 'media', (value) => granted.push(value));
    expect(granted).toEqual([false]);
    expect(fake.session.permissionCheck!()).toBe(false);
    expect(fake.session.devicePermission!()).toBe(false);

    const [window] = fake.windows;
    expect(window!.url).toBe('app://strata/index.html');
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(window!.options.webPreferences.preload).toBe(join(scratch, 'out', 'main', 'preload.cjs'));
  });

  it('serves the renderer through the protocol handler with the CSP, and refuses traversal', async () => {
    const page = await fake.protocol('app://strata/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Strata</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const escape = await fake.protocol('app://strata/..%2F..%2Fsecret.txt');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('TOP SECRET');
  });

  it('locks down the window: no navigation away, no new windows, only vetted links go to the browser', () => {
    const contents = fake.windows[0]!.contents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://evil.example/', preventDefault: vi.fn() };
      contents.handlers.get(event)!(away as never);
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { url: 'app://strata/index.html', preventDefault: vi.fn() };
      contents.handlers.get(event)!(home as never);
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')!(webview as never);
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://www.postgresql.org/', disposition: 'foreground-tab' })).toEqual({ action: 'deny' });
    expect(fake.openedExternally).toEqual(['https://www.postgresql.org/']);
  });

  it('answers the main frame of app://strata from the real core', async () => {
    const result = await fake.invoke(trusted(), 'app/info', {});
    expect(result).toMatchObject({ ok: true, value: { host: 'electron', version: '9.9.9', canPickFiles: true } });
  });

  it('shows the file dialog connection/pick-file asks for: a SQLite database by default, or a CA certificate', async () => {
    const showOpenDialog = fake.electron.dialog.showOpenDialog;
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/etc/ssl/lan-ca.pem'] }).mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await fake.invoke(trusted(), 'connection/pick-file', { kind: 'ca-certificate' })).toEqual({ ok: true, value: { path: '/etc/ssl/lan-ca.pem' } });
    expect(await fake.invoke(trusted(), 'connection/pick-file', {})).toEqual({ ok: true, value: { path: null } });
    const shown = showOpenDialog.mock.calls.map((args: unknown[]) => args.at(-1) as { title: string; filters: { extensions: string[] }[] });
    expect(shown.map((options) => [options.title, options.filters[0]?.extensions])).toEqual([
      ['Choose CA certificate', ['pem', 'crt', 'cer']],
      ['Open SQLite database', ['sqlite', 'sqlite3', 'db', 'db3']],
    ]);
  });

  it('refuses subframes, other origins, destroyed frames and unknown windows before the core sees them', async () => {
    const untrusted = [
      { sender: { id: 1 }, senderFrame: { url: 'app://strata/index.html', parent: {} } },
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: 1 }, senderFrame: null },
      { sender: { id: 99 }, senderFrame: { url: 'app://strata/index.html', parent: null } },
    ];
    for (const event of untrusted) {
      const result = await fake.invoke(event, 'vault/create', { password: 'correct horse battery' });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    // Had any call reached the core, a vault would now exist.
    expect(await fake.invoke(trusted(), 'vault/status', {})).toEqual({ ok: true, value: { exists: false, unlocked: false } });
    const files = existsSync(dataDir) ? await readdir(dataDir) : [];
    expect(files.filter((name) => name.startsWith('vault'))).toEqual([]);
  });

  it('returns contract errors as values for bad input', async () => {
    const result = await fake.invoke(trusted(), 'connection/open', { id: 42 });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('disposes the core once on quit, then quits', async () => {
    const event = { preventDefault: vi.fn() };
    fake.appHandlers.get('before-quit')!(event as never);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.electron.app.quit).toHaveBeenCalledTimes(1));

    const second = { preventDefault: vi.fn() };
    fake.appHandlers.get('before-quit')!(second as never);
    expect(second.preventDefault).not.toHaveBeenCalled();
    const afterQuit = await fake.invoke(trusted(), 'app/info', {});
    expect(afterQuit.ok).toBe(false);
  });
});
