// Bundles the main-process entry points with esbuild into out/main/*.cjs.
// npm packages stay external (they ship in node_modules / the asar); the sandboxed preload
// is bundled whole because it may require nothing but 'electron'.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outdir = join(root, 'out', 'main');

const nodeEntries = {
  main: 'electron/main.ts',
  serve: 'electron/serve/main.ts',
  'sqlite-worker': 'electron/core/drivers/sqlite/worker.ts',
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  logLevel: 'warning',
  outdir,
};

const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

const entries = Object.fromEntries(Object.entries(nodeEntries).filter(([name]) => wanted(name)));
if (Object.keys(entries).length > 0) {
  await build({ ...common, entryPoints: entries, packages: 'external' });
}
if (wanted('preload')) {
  await build({ ...common, entryPoints: { preload: 'electron/preload.ts' }, external: ['electron'] });
}
