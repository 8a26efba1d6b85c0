// The Electron main process: app and window lifecycle only. Every decision lives in ./shell
// (plain, tested modules); this file wires them to Electron's APIs.
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import type { PickFileKind } from '../shared/ipc/contract';
import type { InvokeResult } from '../shared/ipc/wire';
import { createCore, type Core, type CoreClient } from './core/core';
import { toStrataError } from './core/errors';
import { exitProcess, lingeringThreadCount } from './core/process/lingering-threads';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './shell/app-origin';
import { loadAppResponse } from './shell/app-response';
import { findInitialFile } from './shell/cli-args';
import { OPEN_DIALOGS } from './shell/file-dialog';
import { IPC_EVENT, IPC_INVOKE } from './shell/ipc-names';
import { createMenuTemplate } from './shell/menu-template';
import { externalLinkTarget, isAllowedNavigation } from './shell/navigation';
import { resolveRuntimePaths } from './shell/runtime-paths';
import { isTrustedSender, untrustedSenderResult } from './shell/trusted-sender';
import { createWindowOptions } from './shell/window-options';

const log = (line: string): void => console.log(line);
const DISPOSE_TIMEOUT_MS = 5000;

app.setName('Strata');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  const paths = resolveRuntimePaths({ packaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath });
  const initialFile = findInitialFile({ argv: process.argv, cwd: process.cwd(), defaultApp: process.defaultApp === true });
  /** One core client per window, keyed by its webContents id. */
  const clients = new Map<number, Promise<CoreClient>>();
  let core: Promise<Core> | null = null;
  let quitting = false;

  app.on('web-contents-created', (_event, contents) => lockDown(contents));

  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  ipcMain.handle(IPC_INVOKE, async (event, channel: unknown, input: unknown): Promise<InvokeResult> => {
    const frame = event.senderFrame;
    const client = clients.get(event.sender.id);
    if (!client || !frame || !isTrustedSender(frame.url, frame.parent === null)) return untrustedSenderResult();
    try {
      return await (await client).invoke(channel, input);
    } catch (error) {
      return { ok: false, error: toStrataError(error) };
    }
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow(core);
  });

  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    quitting = true;
    event.preventDefault();
    // A server that never answers must not keep the app from quitting.
    const gaveUp = new Promise<void>((resolve) => setTimeout(resolve, DISPOSE_TIMEOUT_MS).unref());
    Promise.race([core.then((running) => running.dispose()), gaveUp])
      .catch((error: unknown) => log(`Strata did not shut down cleanly: ${toStrataError(error).message}`))
      .finally(() => (lingeringThreadCount() > 0 ? exitProcess(0, log) : app.quit()));
  });

  void app.whenReady().then(() => {
    const defaultSession = session.defaultSession;
    defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    defaultSession.setPermissionCheckHandler(() => false);
    defaultSession.setDevicePermissionHandler(() => false);

    protocol.handle(APP_SCHEME, async (request) => {
      const response = await loadAppResponse(request.url, request.method, paths.rendererDir);
      return new Response(response.body, { status: response.status, headers: response.headers });
    });

    Menu.setApplicationMenu(Menu.buildFromTemplate(createMenuTemplate({ platform: process.platform, development: !app.isPackaged })));

    const started = createCore({
      dataDir: app.getPath('userData'),
      resourcesDir: paths.resourcesDir,
      sqliteWorkerPath: paths.sqliteWorkerPath,
      sqliteNativeBinding: paths.sqliteNativeBinding,
      host: 'electron',
      version: app.getVersion(),
      initialFile: initialFile ?? undefined,
      pickFile,
      log,
    });
    core = started;
    started.catch((error: unknown) => {
      dialog.showErrorBox('Strata could not start', toStrataError(error).message);
      app.quit();
    });
    openWindow(started);
  });

  function openWindow(running: Promise<Core>): void {
    const window = new BrowserWindow(createWindowOptions(paths.preloadPath, nativeTheme.shouldUseDarkColors));
    const contents = window.webContents;
    const id = contents.id;
    const client = running.then((ready) =>
      ready.connectClient((channel, payload) => {
        if (!contents.isDestroyed()) contents.send(IPC_EVENT, channel, payload);
      }),
    );
    // A core that failed to start is reported once, by the startup error box.
    client.catch(() => undefined);
    clients.set(id, client);
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      clients.delete(id);
      client.then((connected) => connected.close()).catch(() => undefined);
    });
    window.loadURL(APP_ENTRY_URL).catch((error: unknown) => log(`The window could not load ${APP_ENTRY_URL}: ${String(error)}`));
  }
}

/** Applied to every webContents: no navigation off our origin, no new windows, no <webview>. */
function lockDown(contents: WebContents): void {
  const keepOnAppOrigin = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', keepOnAppOrigin);
  contents.on('will-frame-navigate', keepOnAppOrigin);
  contents.on('will-redirect', keepOnAppOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    const target = externalLinkTarget(details);
    if (target) shell.openExternal(target).catch((error: unknown) => log(`Could not open a link in the browser: ${String(error)}`));
    return { action: 'deny' };
  });
}

async function pickFile(kind: PickFileKind): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow();
  const options = OPEN_DIALOGS[kind];
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
