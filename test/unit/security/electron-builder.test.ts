import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// electron-builder's own loader and validator (app-builder-lib/scheme.json), as `npm run dist` uses them.
const root = join(import.meta.dirname, '..', '..', '..');
const configPath = join(root, 'electron-builder.yml');

describe('electron-builder.yml', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await getConfig(root, configPath, null);
  });

  it('turns off every Node entry point into the signed app and pins the app to its asar', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("is valid against app-builder-lib's schema", async () => {
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked by a validator that rejects a misspelled fuse', async () => {
    const broken: Configuration = { ...structuredClone(config), electronFuses: { ...config.electronFuses, ...({ runAsNod: false } as object) } };
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('identifies the app and ships only the built output', () => {
    expect(config.appId).toBe('dev.strata.app');
    expect(config.productName).toBe('Strata');
    expect(config.directories?.output).toBe('release');
    expect(config.files).toEqual([{ filter: ['out/main/**', 'out/renderer/**', 'package.json'] }]);
    expect(config.npmRebuild).toBe(false);
  });

  it('unpacks the SQLite worker and better-sqlite3, and ships the sample and the Electron-ABI binary', () => {
    expect(config.asarUnpack).toEqual(['out/main/sqlite-worker.cjs', 'node_modules/better-sqlite3/**']);
    expect(config.extraResources).toEqual([
      { from: 'resources/sample/strata-sample.sqlite', to: 'sample/strata-sample.sqlite' },
      { from: 'out/native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
    ]);
  });

  it('builds dmg and zip for macOS, NSIS for Windows, AppImage and deb for Linux', () => {
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Development');
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('points at PNG icons large enough for icns (512) and the Linux set (256)', async () => {
    expect(await pngSize(join(root, config.icon ?? 'missing'))).toEqual({ width: 512, height: 512 });
    expect(await pngSize(join(root, config.linux?.icon ?? 'missing', '256x256.png'))).toEqual({ width: 256, height: 256 });
    expect(existsSync(join(root, 'resources', 'icons', 'icon.svg'))).toBe(true);
  });
});
