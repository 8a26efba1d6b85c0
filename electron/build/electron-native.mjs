// Builds better-sqlite3 for Electron's ABI into out/native/electron/better_sqlite3.node, leaving
// node_modules/better-sqlite3/build (Node's ABI, used by the tests) untouched. Run by `npm start`
// and `npm run dist` before Electron; skips the work when the stamp shows a matching build.
// Tries a published prebuilt binary first (prebuild-install), then compiles (node-gyp).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStamp, cleanBuildEnv, isUpToDate, nativePaths, nodeGypArgs, prebuildInstallArgs } from './native-build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const paths = nativePaths(root);

async function packageVersion(name) {
  const manifest = JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8'));
  return manifest.version;
}

async function readStamp() {
  try {
    return await readFile(paths.stamp, 'utf8');
  } catch {
    return null;
  }
}

/** Runs a Node CLI inside the scratch copy; returns whether it exited cleanly. */
function runTool(label, script, args) {
  console.log(`electron-native: ${label}`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: paths.scratchDir, env: cleanBuildEnv(process.env), stdio: 'inherit' });
  if (result.error) console.error(`electron-native: ${label} could not start: ${result.error.message}`);
  return result.status === 0 && existsSync(paths.scratchBinary);
}

async function main() {
  const target = buildStamp({
    electron: await packageVersion('electron'),
    betterSqlite3: await packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  });
  if (isUpToDate(await readStamp(), target, existsSync(paths.binary))) {
    console.log(`electron-native: better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} is up to date.`);
    return 0;
  }

  const built = await buildInScratch(target);
  if (!built) {
    console.error(
      [
        `electron-native: could not build better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch}).`,
        '  No prebuilt binary could be downloaded from GitHub, and compiling from source failed (see the output above).',
        '  Check the connection to github.com and electronjs.org (Electron headers), or install Python 3 and a C++ toolchain,',
        '  then run `node electron/build/electron-native.mjs` again. The desktop app cannot open SQLite files without it.',
      ].join('\n'),
    );
    return 1;
  }
  await writeFile(paths.stamp, `${JSON.stringify(target, null, 2)}\n`);
  console.log(`electron-native: wrote ${paths.binary}`);
  return 0;
}

/** Builds in a fresh copy of the package and copies the binary out; the copy is always removed. */
async function buildInScratch(target) {
  await rm(paths.scratchDir, { recursive: true, force: true });
  try {
    // Without build/, so a stale Node-ABI binary can never be mistaken for the result.
    await cp(join(root, 'node_modules', 'better-sqlite3'), paths.scratchDir, {
      recursive: true,
      filter: (source) => basename(source) !== 'build' && basename(source) !== 'node_modules',
    });
    const built =
      runTool(
        `downloading a prebuilt binary for Electron ${target.electron} (${target.platform}-${target.arch})`,
        require.resolve('prebuild-install/bin.js'),
        prebuildInstallArgs(target),
      ) ||
      runTool(
        `compiling from source against Electron ${target.electron}'s headers`,
        require.resolve('node-gyp/bin/node-gyp.js'),
        nodeGypArgs({ ...target, headersDir: paths.headersDir }),
      );
    if (!built) return false;
    await mkdir(paths.outDir, { recursive: true });
    await copyFile(paths.scratchBinary, paths.binary);
    return true;
  } finally {
    await rm(paths.scratchDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
