import type { BenchResult } from './report';

export interface BenchContext {
  log: (line: string) => void;
  /** Measured rounds per side, after the warm-up rounds. */
  rounds: number;
  warmups: number;
  /** Profile the slow path of each missed target. */
  profileMisses: boolean;
}

export interface Benchmark {
  /** The result names it produces; `npm run bench -- NAME` runs the benchmark that produces NAME. */
  names: string[];
  run(context: BenchContext): Promise<BenchResult[]>;
}
