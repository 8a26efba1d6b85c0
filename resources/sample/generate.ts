// Builds the bundled sample database: `npx tsx resources/sample/generate.ts [outFile]`.
// Skips the work when the file is newer than these scripts; writes a temporary file and renames it,
// so a half-built database never sits at the target.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fillSampleStore } from './fill-store';
import { SAMPLE_SCHEMA } from './schema';
import { SeededRandom } from './seeded-random';

const SEED = 20240917;

const scriptDir = dirname(fileURLToPath(import.meta.url));
const target = resolve(process.argv[2] ?? join(scriptDir, 'strata-sample.sqlite'));

function newestScriptTime(): number {
  return Math.max(...readdirSync(scriptDir).filter((name) => name.endsWith('.ts')).map((name) => statSync(join(scriptDir, name)).mtimeMs));
}

function build(file: string): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    const rows = db.transaction(() => {
      db.exec(SAMPLE_SCHEMA);
      return fillSampleStore(db, new SeededRandom(SEED));
    })();
    db.exec('ANALYZE');
    return rows;
  } finally {
    db.close();
  }
}

if (existsSync(target) && statSync(target).mtimeMs > newestScriptTime()) {
  console.log(`Sample database is up to date: ${target}`);
} else {
  const started = performance.now();
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const rows = build(temp);
    renameSync(temp, target);
    console.log(`Built the sample database (${rows} rows) in ${Math.round(performance.now() - started)} ms: ${target}`);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
