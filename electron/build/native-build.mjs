// The decisions behind electron-native.mjs, kept free of side effects so they can be unit-tested.
import { join } from 'node:path';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

/** Where the Electron-ABI build of better-sqlite3 and its bookkeeping live, under `root`. */
export function nativePaths(root) {
  const nativeDir = join(root, 'out', 'native');
  const outDir = join(nativeDir, 'electron');
  return {
    outDir,
    binary: join(outDir, 'better_sqlite3.node'),
    stamp: join(outDir, 'build-stamp.json'),
    scratchDir: join(nativeDir, 'scratch-better-sqlite3'),
    scratchBinary: join(nativeDir, 'scratch-better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    headersDir: join(nativeDir, 'node-gyp-headers'),
  };
}

/** What the binary was built for; any change means a rebuild. */
export function buildStamp({ electron, betterSqlite3, platform, arch }) {
  return { electron, betterSqlite3, platform, arch };
}

/** Whether an existing binary can be kept: it exists and its stamp matches `expected` exactly. */
export function isUpToDate(stampText, expected, binaryExists) {
  if (!binaryExists || stampText === null) return false;
  let stamp;
  try {
    stamp = JSON.parse(stampText);
  } catch {
    return false;
  }
  if (stamp === null || typeof stamp !== 'object') return false;
  const keys = Object.keys(expected);
  return Object.keys(stamp).length === keys.length && keys.every((key) => stamp[key] === expected[key]);
}

/**
 * npm passes its configuration to child tools as npm_config_* variables, and node-gyp lets them
 * override its command line: a user-level `nodedir` would build against Node's headers instead of
 * Electron's. Drop every variable that retargets the build; keep the rest (proxies, cache, mirrors).
 */
const RETARGETING = /^npm_config_(nodedir|target|runtime|disturl|dist_url|devdir|arch|target_arch|build_from_source|download)$/i;

export function cleanBuildEnv(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !RETARGETING.test(key) && !/^npm_package_/i.test(key)),
  );
}

/** prebuild-install 7: download the published Electron build into ./build/Release. */
export function prebuildInstallArgs({ electron, arch }) {
  return ['--runtime', 'electron', '--target', electron, '--arch', arch, '--verbose'];
}

/** node-gyp 12: compile against Electron's headers (it has no --runtime flag; the dist URL selects Electron). */
export function nodeGypArgs({ electron, arch, headersDir }) {
  return ['rebuild', '--release', `--target=${electron}`, `--arch=${arch}`, `--dist-url=${ELECTRON_HEADERS_URL}`, `--devdir=${headersDir}`];
}
