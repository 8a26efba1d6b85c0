export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface AlternateOptions {
  rounds: number;
  warmups: number;
  /** Called before each measured or warm-up round, e.g. to log progress. */
  onRound?: (round: number, side: 'ours' | 'baseline', warmup: boolean) => void;
}

export interface Samples<O, B = O> {
  ours: O[];
  baseline: B[];
}

/**
 * Runs both sides in turn, swapping which goes first every round so that neither always meets the
 * caches the other warmed. Warm-up rounds run both sides too and are not kept.
 */
export async function alternate<O, B>(options: AlternateOptions, ours: () => Promise<O>, baseline: () => Promise<B>): Promise<Samples<O, B>> {
  const samples: Samples<O, B> = { ours: [], baseline: [] };
  const total = options.warmups + options.rounds;
  for (let round = 0; round < total; round++) {
    const warmup = round < options.warmups;
    const order: ('ours' | 'baseline')[] = round % 2 === 0 ? ['baseline', 'ours'] : ['ours', 'baseline'];
    for (const side of order) {
      options.onRound?.(round, side, warmup);
      if (side === 'ours') {
        const value = await ours();
        if (!warmup) samples.ours.push(value);
      } else {
        const value = await baseline();
        if (!warmup) samples.baseline.push(value);
      }
    }
  }
  return samples;
}

export function pick<T>(samples: T[], field: (sample: T) => number): number {
  return median(samples.map(field));
}
