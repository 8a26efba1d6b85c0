import { describe, expect, it } from 'vitest';
import {
  buildStamp,
  cleanBuildEnv,
  isUpToDate,
  nativePaths,
  nodeGypArgs,
  prebuildInstallArgs,
} from '../../../electron/build/native-build.mjs';

describe('native build stamp', () => {
  const expected = buildStamp({ electron: '45.4.1', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' });

  it('keeps a binary whose stamp matches', () => {
    expect(isUpToDate(JSON.stringify(expected), expected, true)).toBe(true);
  });

  it('rebuilds when the binary or stamp is missing, or the stamp is unreadable', () => {
    expect(isUpToDate(JSON.stringify(expected), expected, false)).toBe(false);
    expect(isUpToDate(null, expected, true)).toBe(false);
    expect(isUpToDate('{not json', expected, true)).toBe(false);
    expect(isUpToDate('null', expected, true)).toBe(false);
  });

  it.each([
    ['Electron', { electron: '45.5.0' }],
    ['better-sqlite3', { betterSqlite3: '12.12.0' }],
    ['platform', { platform: 'darwin' }],
    ['architecture', { arch: 'arm64' }],
  ])('rebuilds when the %s version changes', (_what, change) => {
    expect(isUpToDate(JSON.stringify({ ...expected, ...change }), expected, true)).toBe(false);
  });

  it('rebuilds when the stamp has extra or missing fields', () => {
    expect(isUpToDate(JSON.stringify({ ...expected, debug: true }), expected, true)).toBe(false);
    expect(isUpToDate(JSON.stringify({ electron: '45.4.1' }), expected, true)).toBe(false);
  });
});

describe('native build commands', () => {
  it("builds outside node_modules so the tests keep Node's ABI", () => {
    const paths = nativePaths('/repo');
    for (const path of Object.values(paths)) {
      expect(path.startsWith('/repo/out/native/')).toBe(true);
      expect(path).not.toContain('node_modules');
    }
    expect(paths.binary).toBe('/repo/out/native/electron/better_sqlite3.node');
  });

  it('asks prebuild-install for the Electron runtime and version', () => {
    expect(prebuildInstallArgs({ electron: '45.4.1', arch: 'x64' })).toEqual(
      expect.arrayContaining(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'x64']),
    );
  });

  it("compiles with node-gyp against Electron's headers", () => {
    const args = nodeGypArgs({ electron: '45.4.1', arch: 'arm64', headersDir: '/repo/out/native/node-gyp-headers' });
    expect(args[0]).toBe('rebuild');
    expect(args).toEqual(
      expect.arrayContaining(['--target=45.4.1', '--arch=arm64', '--dist-url=https://electronjs.org/headers', '--devdir=/repo/out/native/node-gyp-headers']),
    );
  });

  it("drops npm settings that would retarget node-gyp to Node's headers, and keeps the rest", () => {
    const env = cleanBuildEnv({
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_config_arch: 'ia32',
      npm_package_resolved: 'git+https://example.com/x.git',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_cache: '/cache',
    });
    expect(env).toEqual({ PATH: '/usr/bin', npm_config_https_proxy: 'http://proxy:3128', npm_config_cache: '/cache' });
  });
});
