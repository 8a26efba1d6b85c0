import type { Misestimate } from '../../../shared/explain/estimates';
import type { Plan, PlanEngine } from '../../../shared/explain/plan';

const ENGINE_NAMES: Record<PlanEngine, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', mariadb: 'MariaDB', sqlite: 'SQLite' };
const figures = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const wholeNumbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function engineName(engine: PlanEngine): string {
  return ENGINE_NAMES[engine];
}

/** Plan times are often below a millisecond: "0.038 ms", "12.2 ms", "1,204 ms", "12.4 s". */
export function formatPlanMs(ms: number): string {
  if (ms < 1) return `${Number(ms.toFixed(3))} ms`;
  if (ms < 100) return `${Number(ms.toFixed(1))} ms`;
  if (ms < 10_000) return `${wholeNumbers.format(ms)} ms`;
  return `${oneDecimal.format(ms / 1000)} s`;
}

/** Planner costs in their own unit, with at most two decimals: "1,296.53". */
export function formatCost(cost: number): string {
  return figures.format(cost);
}

/** Row counts; per-loop averages may have a fraction. */
export function formatRowCount(rows: number): string {
  return Number.isInteger(rows) ? wholeNumbers.format(rows) : oneDecimal.format(rows);
}

/** "19× more rows than estimated". */
export function describeMisestimate(misestimate: Misestimate): string {
  const factor = misestimate.factor >= 100 ? wholeNumbers.format(misestimate.factor) : oneDecimal.format(misestimate.factor);
  return `${factor}× ${misestimate.direction === 'under' ? 'more' : 'fewer'} rows than estimated`;
}

/** "Analyzed plan · PostgreSQL", "Estimated plan · MariaDB". */
export function planTitle(plan: Pick<Plan, 'engine' | 'analyzed'>): string {
  return `${plan.analyzed ? 'Analyzed' : 'Estimated'} plan · ${engineName(plan.engine)}`;
}

/** What the bars show, or why there are none. */
export function measureNote(plan: Pick<Plan, 'engine' | 'analyzed' | 'measure'>): string {
  switch (plan.measure) {
    case 'time':
      return 'Bars show each step’s own share of the measured time.';
    case 'cost':
      return plan.analyzed
        ? 'Bars show each step’s own share of the estimated cost: this engine measured no times.'
        : 'Bars show each step’s own share of the estimated cost.';
    case 'none':
      return plan.engine === 'sqlite'
        ? 'SQLite reports no costs, row estimates or times: full table scans are marked.'
        : `${engineName(plan.engine)} reported no costs for this plan: full table scans are marked. Explain Analyze measures times.`;
  }
}
