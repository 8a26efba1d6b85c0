import { planNodes, type HotMark, type ParsedPlan, type Plan, type PlanMeasure, type PlanNode } from './plan';

/** At most this many nodes are marked as the plan's most expensive. */
export const HOT_TOP_COUNT = 3;
/** A node among the most expensive is marked only when it takes at least this share. */
export const HOT_MIN_SHARE = 0.1;
/** A node taking at least this share is marked as taking a large part of the plan. */
export const HOT_HIGH_SHARE = 0.3;

type Figures = Pick<PlanNode, 'actualTimeMs' | 'selfTimeMs' | 'totalCost' | 'selfCost'>;
const FIELDS: Record<Exclude<PlanMeasure, 'none'>, { total: 'actualTimeMs' | 'totalCost'; self: 'selfTimeMs' | 'selfCost'; noun: string }> = {
  time: { total: 'actualTimeMs', self: 'selfTimeMs', noun: 'time' },
  cost: { total: 'totalCost', self: 'selfCost', noun: 'estimated cost' },
};

/**
 * Completes a parsed plan: each node's own time and cost (its figure minus its children's, unless the
 * engine reported it), its share of the whole (time when analyzed, else cost), and the marks on the
 * most expensive nodes. Shares add up to 1 over the plan. Returns a new plan; the input is not changed.
 */
export function weighPlan(parsed: ParsedPlan): Plan {
  const roots = parsed.roots.map(copyNode);
  const withSelf = roots.map((root) => fillSelf(root));
  const measure = measureOf(parsed.analyzed, withSelf);
  if (measure !== 'none') {
    // Measured or estimated figures decide; a parser's rule-of-thumb marks only stand without them.
    for (const node of planNodes(withSelf)) delete node.hot;
    markShares(withSelf, measure);
  }
  return { ...parsed, roots: withSelf, measure, warnings: parsed.warnings ?? [] };
}

function copyNode(node: PlanNode): PlanNode {
  return { ...node, raw: [...node.raw], children: node.children.map(copyNode) };
}

function measureOf(analyzed: boolean, roots: PlanNode[]): PlanMeasure {
  const nodes = [...planNodes(roots)];
  if (analyzed && nodes.some((node) => node.selfTimeMs !== undefined && node.selfTimeMs > 0)) return 'time';
  if (nodes.some((node) => node.selfCost !== undefined && node.selfCost > 0)) return 'cost';
  return 'none';
}

/** Fills selfTimeMs and selfCost where the engine gave only totals; returns the node. */
function fillSelf(node: PlanNode): PlanNode {
  node.children.forEach(fillSelf);
  for (const { total, self } of Object.values(FIELDS)) {
    if (node[self] !== undefined) continue;
    const own = node[total];
    if (own === undefined) continue;
    const children = node.children.reduce((sum, child) => sum + subtreeTotal(child, total, self), 0);
    node[self] = round(Math.max(0, own - children));
  }
  return node;
}

/** The node's figure including its children: the reported total, else its own plus its children's. */
function subtreeTotal(node: Figures & { children: PlanNode[] }, total: 'actualTimeMs' | 'totalCost', self: 'selfTimeMs' | 'selfCost'): number {
  const reported = node[total];
  if (reported !== undefined) return reported;
  return (node[self] ?? 0) + node.children.reduce((sum, child) => sum + subtreeTotal(child, total, self), 0);
}

function markShares(roots: PlanNode[], measure: Exclude<PlanMeasure, 'none'>): void {
  const { self, noun } = FIELDS[measure];
  const nodes = [...planNodes(roots)];
  const sum = nodes.reduce((acc, node) => acc + (node[self] ?? 0), 0);
  if (sum <= 0) return;
  for (const node of nodes) node.share = (node[self] ?? 0) / sum;
  const ranked = nodes.filter((node) => (node.share ?? 0) > 0).sort((a, b) => (b.share ?? 0) - (a.share ?? 0));
  ranked.forEach((node, rank) => {
    const share = node.share ?? 0;
    const mark = hotMark(share, rank, noun);
    if (mark) node.hot = mark;
  });
}

function hotMark(share: number, rank: number, noun: string): HotMark | null {
  const percent = formatShare(share);
  if (share >= HOT_HIGH_SHARE) return { level: 'high', reason: `${percent} of the plan's ${noun}` };
  if (rank < HOT_TOP_COUNT && share >= HOT_MIN_SHARE) return { level: 'notable', reason: `Among the ${HOT_TOP_COUNT} most expensive steps: ${percent} of the plan's ${noun}` };
  return null;
}

/** A share as a percentage for people: one decimal under 10 %, whole numbers above. */
export function formatShare(share: number): string {
  const percent = share * 100;
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return percent < 10 ? `${percent.toFixed(1)}%` : `${Math.round(percent)}%`;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
