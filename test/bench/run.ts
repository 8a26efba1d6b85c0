import { parseArgs } from 'node:util';
import type { Benchmark, BenchContext } from './benchmark';
import { RESULTS_FILE } from './config';
import { editorCompletion } from './editor-completion.bench';
import { pgSchema100k, pgSchema10k } from './pg-schema.bench';
import { pgSelect1 } from './pg-select1.bench';
import { pgStream } from './pg-stream.bench';
import { rendererDecode } from './renderer-decode.bench';
import { rendererTree } from './renderer-tree.bench';
import { printTable, writeResults, type BenchResult } from './report';
import { sqliteStream } from './sqlite-stream.bench';
import { tableGridScroll } from './table-grid-scroll.bench';

const BENCHMARKS: Benchmark[] = [pgStream, sqliteStream, pgSelect1, pgSchema10k, pgSchema100k, rendererDecode, rendererTree, tableGridScroll, editorCompletion];
const USAGE = `Usage: npm run bench -- [NAME…] [--rounds N] [--warmups N] [--no-profile]
Benchmarks: ${BENCHMARKS.flatMap((b) => b.names).join(', ')}
Results go to bench-results.json (entries of benchmarks not run are kept).
`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      rounds: { type: 'string', default: '5' },
      warmups: { type: 'string', default: '1' },
      'no-profile': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = positionals.filter((name) => !BENCHMARKS.some((b) => b.names.includes(name)));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown benchmark: ${unknown.join(', ')}.\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const selected = positionals.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => b.names.some((name) => positionals.includes(name)));
  const context: BenchContext = {
    log: (line) => process.stderr.write(`${line}\n`),
    rounds: positiveInt(values.rounds, 'rounds'),
    warmups: Math.max(0, positiveInt(values.warmups, 'warmups', true)),
    profileMisses: !values['no-profile'],
  };

  const results: BenchResult[] = [];
  const failures: string[] = [];
  for (const benchmark of selected) {
    context.log(`\n== ${benchmark.names.join(' + ')}`);
    try {
      const produced = await benchmark.run(context);
      results.push(...produced);
      printTable(produced);
      await writeResults(RESULTS_FILE, produced);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push(`${benchmark.names.join(' + ')}: ${message}`);
      context.log(`FAILED: ${message}`);
    }
  }
  console.log('\n== Summary');
  printTable(results);
  console.log(`\nWrote ${RESULTS_FILE}.`);
  if (failures.length > 0) {
    console.error(`\n${failures.length} benchmark(s) failed to run:\n${failures.join('\n')}`);
    process.exitCode = 1;
  }
}

function positiveInt(text: string, name: string, allowZero = false): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a whole number${allowZero ? '' : ' above 0'}.`);
  return value;
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
