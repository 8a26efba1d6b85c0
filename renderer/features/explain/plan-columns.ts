import { planNodes, type Plan } from '../../../shared/explain/plan';

/** Which figure columns the tree shows: only those the plan has values for. */
export interface PlanColumns {
  cost: boolean;
  rows: boolean;
  time: boolean;
  share: boolean;
}

export function planColumns(plan: Plan): PlanColumns {
  const nodes = [...planNodes(plan.roots)];
  return {
    cost: nodes.some((node) => node.totalCost !== undefined || node.selfCost !== undefined),
    rows: nodes.some((node) => node.planRows !== undefined || node.actualRows !== undefined),
    time: plan.analyzed && nodes.some((node) => node.actualTimeMs !== undefined || node.selfTimeMs !== undefined),
    share: plan.measure !== 'none',
  };
}

/** The CSS grid columns for the operation column and the figure columns shown. */
export function gridTemplate(columns: PlanColumns): string {
  const widths = ['minmax(240px, 1fr)'];
  if (columns.cost) widths.push('96px');
  if (columns.rows) widths.push('150px');
  if (columns.time) widths.push('88px');
  if (columns.share) widths.push('132px');
  return widths.join(' ');
}
