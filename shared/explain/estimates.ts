import type { PlanNode } from './plan';

/** Estimated and actual rows this many times apart (either way) are flagged as a misestimate. */
export const MISESTIMATE_FACTOR = 10;

export interface Misestimate {
  /** How many times apart the estimate and the actual rows are, at least MISESTIMATE_FACTOR. */
  factor: number;
  /** `under`: more rows came than the planner expected; `over`: fewer. */
  direction: 'under' | 'over';
}

/**
 * The node's row misestimate, or null when the estimate was within MISESTIMATE_FACTOR of what ran or
 * the node never ran. Both figures are per loop; zero counts as one row, so 0 against 1 is no misestimate.
 */
export function misestimate(node: Pick<PlanNode, 'planRows' | 'actualRows' | 'loops'>): Misestimate | null {
  const { planRows, actualRows, loops } = node;
  if (planRows === undefined || actualRows === undefined || loops === 0) return null;
  const estimated = Math.max(planRows, 1);
  const actual = Math.max(actualRows, 1);
  const factor = Math.max(estimated / actual, actual / estimated);
  if (factor < MISESTIMATE_FACTOR) return null;
  return { factor, direction: actual > estimated ? 'under' : 'over' };
}
