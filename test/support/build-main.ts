import { execFileSync } from 'node:child_process';

/** Integration tests run the bundled SQLite worker, so the main-process bundles must be fresh. */
export default function setup(): void {
  execFileSync(process.execPath, ['electron/build/bundle.mjs', 'sqlite-worker'], { stdio: 'inherit' });
}
