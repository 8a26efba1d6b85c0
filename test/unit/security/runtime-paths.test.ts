import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuntimePaths, toAsarUnpackedPath } from '../../../electron/shell/runtime-paths';

describe('toAsarUnpackedPath', () => {
  it('maps a file inside app.asar to app.asar.unpacked, with either separator', () => {
    expect(toAsarUnpackedPath('/opt/Strata/resources/app.asar/out/main/sqlite-worker.cjs')).toBe(
      '/opt/Strata/resources/app.asar.unpacked/out/main/sqlite-worker.cjs',
    );
    expect(toAsarUnpackedPath('C:\\Program Files\\Strata\\resources\\app.asar\\out\\main\\sqlite-worker.cjs')).toBe(
      'C:\\Program Files\\Strata\\resources\\app.asar.unpacked\\out\\main\\sqlite-worker.cjs',
    );
  });

  it('leaves paths outside an asar (and already unpacked ones) alone', () => {
    expect(toAsarUnpackedPath('/repo/out/main/sqlite-worker.cjs')).toBe('/repo/out/main/sqlite-worker.cjs');
    expect(toAsarUnpackedPath('/r/app.asar.unpacked/out/main/w.cjs')).toBe('/r/app.asar.unpacked/out/main/w.cjs');
    expect(toAsarUnpackedPath('/r/my-app.asarx/w.cjs')).toBe('/r/my-app.asarx/w.cjs');
  });
});

describe('resolveRuntimePaths', () => {
  it('uses the repository in development', () => {
    const repo = join('/', 'work', 'strata');
    const paths = resolveRuntimePaths({ packaged: false, appPath: repo, resourcesPath: join('/', 'electron', 'resources') });
    expect(paths).toEqual({
      rendererDir: join(repo, 'out', 'renderer'),
      preloadPath: join(repo, 'out', 'main', 'preload.cjs'),
      resourcesDir: join(repo, 'resources'),
      sqliteWorkerPath: join(repo, 'out', 'main', 'sqlite-worker.cjs'),
      sqliteNativeBinding: join(repo, 'out', 'native', 'electron', 'better_sqlite3.node'),
    });
  });

  it('loads the worker from app.asar.unpacked and the native module from resources when packaged', () => {
    const resources = join('/', 'opt', 'Strata', 'resources');
    const paths = resolveRuntimePaths({ packaged: true, appPath: join(resources, 'app.asar'), resourcesPath: resources });
    expect(paths.sqliteWorkerPath).toBe(join(resources, 'app.asar.unpacked', 'out', 'main', 'sqlite-worker.cjs'));
    expect(paths.sqliteNativeBinding).toBe(join(resources, 'native', 'better_sqlite3.node'));
    expect(paths.resourcesDir).toBe(resources);
    expect(paths.rendererDir).toBe(join(resources, 'app.asar', 'out', 'renderer'));
    expect(paths.preloadPath).toBe(join(resources, 'app.asar', 'out', 'main', 'preload.cjs'));
  });
});
