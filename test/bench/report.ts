import { readFile, writeFile } from 'node:fs/promises';
import type { FunctionCost } from './cpu-profile';

export interface BenchResult {
  name: string;
  ours: number;
  baseline: number;
  unit: string;
  /** ours / baseline, or ours - baseline for the "ms slower" measures. */
  ratio: number;
  /** What `ratio` must reach: a floor when `higherIsBetter`, else a ceiling. Null when only reported. */
  target: number | null;
  pass: boolean | null;
  higherIsBetter: boolean;
  /** How ratio is formed; "ours" when the target is an absolute budget. */
  ratioKind: 'ours/baseline' | 'ours-baseline' | 'ours';
  rounds: number;
  note?: string;
  /** Top self-time functions of the slow path, when a profile was taken. */
  profile?: { process: string; file: string; top: FunctionCost[] }[];
  [extra: string]: unknown;
}

export function judge(ratio: number, target: number | null, higherIsBetter: boolean): boolean | null {
  if (target === null || !Number.isFinite(ratio)) return null;
  return higherIsBetter ? ratio >= target : ratio <= target;
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    `${r.ours} ${r.unit}`,
    `${r.baseline} ${r.unit}`,
    `${r.ratio} (${r.ratioKind})`,
    r.target === null ? 'report' : `${r.higherIsBetter ? '≥' : '≤'} ${r.target}`,
    r.pass === null ? '-' : r.pass ? 'PASS' : 'MISS',
  ]);
  const header = ['benchmark', 'ours', 'baseline', 'ratio', 'target', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
  for (const r of results) {
    const extras = Object.entries(r).filter(([key]) => !BASE_KEYS.has(key));
    console.log(`\n${r.name}: ${extras.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', ')}`);
    if (r.note) console.log(`  note: ${r.note}`);
    for (const profile of r.profile ?? []) {
      console.log(`  top self time, ${profile.process} (${profile.file}):`);
      for (const fn of profile.top) console.log(`    ${fn.selfPercent.toFixed(1).padStart(5)}%  ${fn.selfMs.toFixed(0).padStart(6)} ms  ${fn.name}  ${fn.location}`);
    }
  }
}

const BASE_KEYS = new Set(['name', 'ours', 'baseline', 'unit', 'ratio', 'target', 'pass', 'higherIsBetter', 'ratioKind', 'rounds', 'note', 'profile']);

/** Replaces the entries of the benchmarks that ran and keeps the others, so one benchmark can be re-run alone. */
export async function writeResults(file: string, results: BenchResult[]): Promise<void> {
  let previous: BenchResult[] = [];
  try {
    previous = JSON.parse(await readFile(file, 'utf8')) as BenchResult[];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const fresh = new Set(results.map((r) => r.name));
  const merged = [...previous.filter((r) => !fresh.has(r.name)), ...results];
  await writeFile(file, `${JSON.stringify(merged, null, 2)}\n`);
}
