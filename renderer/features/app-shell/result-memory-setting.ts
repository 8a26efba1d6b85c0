import { formatCount } from '../results/format-figures';
import { MAX_RESULT_MEMORY_MB, MIN_RESULT_MEMORY_MB } from '../../store/ui-slice';

const RANGE = `from ${formatCount(MIN_RESULT_MEMORY_MB)} to ${formatCount(MAX_RESULT_MEMORY_MB)}`;

/** The "Result memory per query (MB)" field's text as megabytes, or what is wrong with it. */
export function parseResultMemoryMb(text: string): { mb: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: `Enter the megabytes one result may hold in memory, ${RANGE}.` };
  if (!/^\d+$/.test(trimmed)) return { error: `Enter a whole number of megabytes, ${RANGE}.` };
  const mb = Number(trimmed);
  if (mb < MIN_RESULT_MEMORY_MB || mb > MAX_RESULT_MEMORY_MB) return { error: `${formatCount(mb)} MB is out of range: choose ${RANGE}.` };
  return { mb };
}
