import { join } from 'node:path';

export interface RuntimeLocation {
  /** app.isPackaged */
  packaged: boolean;
  /** app.getAppPath(): the repository in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** process.resourcesPath: where electron-builder's extraResources land. */
  resourcesPath: string;
}

export interface RuntimePaths {
  /** The built renderer served on app://strata/. */
  rendererDir: string;
  preloadPath: string;
  /** Bundled resources: sample/strata-sample.sqlite. */
  resourcesDir: string;
  /** Must be a real file: worker threads cannot load scripts from inside an asar archive. */
  sqliteWorkerPath: string;
  /** better-sqlite3 built for Electron's ABI by electron/build/electron-native.mjs. */
  sqliteNativeBinding: string;
}

/** Maps a path inside app.asar to its copy in app.asar.unpacked (electron-builder's asarUnpack). */
export function toAsarUnpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** Where the shell finds its files, in development (`electron .`) and in a packaged app. */
export function resolveRuntimePaths({ packaged, appPath, resourcesPath }: RuntimeLocation): RuntimePaths {
  const mainDir = join(appPath, 'out', 'main');
  return {
    rendererDir: join(appPath, 'out', 'renderer'),
    preloadPath: join(mainDir, 'preload.cjs'),
    resourcesDir: packaged ? resourcesPath : join(appPath, 'resources'),
    sqliteWorkerPath: packaged ? toAsarUnpackedPath(join(mainDir, 'sqlite-worker.cjs')) : join(mainDir, 'sqlite-worker.cjs'),
    sqliteNativeBinding: packaged
      ? join(resourcesPath, 'native', 'better_sqlite3.node')
      : join(appPath, 'out', 'native', 'electron', 'better_sqlite3.node'),
  };
}
