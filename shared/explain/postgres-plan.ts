import { assignIds, PlanFormatError, type ParsedPlan, type PlanFact, type PlanNode } from './plan';
import { isObject, numberOf, parseJsonText, rawFields, rawValue, textOf, type JsonObject } from './raw-fields';

const AGGREGATE_NAMES: Record<string, string> = { Hashed: 'HashAggregate', Sorted: 'GroupAggregate', Mixed: 'MixedAggregate' };
const JOIN_NODES = new Set(['Nested Loop', 'Hash Join', 'Merge Join']);
/** Conditions and keys, in the order EXPLAIN's text format prints them. */
const CONDITION_FIELDS = [
  'Hash Cond',
  'Merge Cond',
  'Index Cond',
  'Recheck Cond',
  'TID Cond',
  'Join Filter',
  'Filter',
  'One-Time Filter',
  'Sort Key',
  'Presorted Key',
  'Group Key',
  'Cache Key',
];
const GATHER_NODES = new Set(['Gather', 'Gather Merge']);
const SKIP_RAW = new Set(['Plans']);

/**
 * Reads the output of PostgreSQL's `EXPLAIN (FORMAT JSON[, ANALYZE, BUFFERS])`: one JSON array
 * holding one object with the Plan tree and the statement-level figures.
 */
export function parsePostgresPlan(text: string): ParsedPlan {
  const document = parseJsonText(text, 'PostgreSQL EXPLAIN');
  const top = Array.isArray(document) ? document[0] : undefined;
  if (!isObject(top) || !isObject(top.Plan)) throw new PlanFormatError('The PostgreSQL EXPLAIN output has no plan.');
  const analyzed = top['Execution Time'] !== undefined;
  const root = planNode(top.Plan, 1);
  assignOwnCosts(root, 1);
  return {
    engine: 'postgres',
    analyzed,
    planningTimeMs: numberOf(top['Planning Time']),
    executionTimeMs: numberOf(top['Execution Time']),
    totalCost: root.totalCost,
    roots: assignIds([root]),
    facts: statementFacts(top),
  };
}

/**
 * `parallelism` divides the summed time of nodes run by several processes under a Gather, so that
 * a node's time stays wall-clock time (PostgreSQL reports their per-loop average over all processes).
 */
function planNode(fields: JsonObject, parallelism: number): PlanNode {
  const loops = numberOf(fields['Actual Loops']);
  const perLoopMs = numberOf(fields['Actual Total Time']);
  const childParallelism = GATHER_NODES.has(String(fields['Node Type'])) ? (numberOf(fields['Workers Launched']) ?? 0) + 1 : parallelism;
  const children = Array.isArray(fields.Plans) ? fields.Plans.filter(isObject).map((child) => planNode(child, childParallelism)) : [];
  return {
    id: '',
    label: operation(fields),
    detail: detail(fields),
    startupCost: numberOf(fields['Startup Cost']),
    totalCost: numberOf(fields['Total Cost']),
    planRows: numberOf(fields['Plan Rows']),
    actualRows: numberOf(fields['Actual Rows']),
    loops,
    actualTimeMs: perLoopMs === undefined || loops === undefined ? undefined : round((perLoopMs * loops) / parallelism),
    children,
    raw: rawFields(fields, SKIP_RAW),
  };
}

/**
 * A node's own cost: its total minus what its children cost it. The inner side of a nested loop runs
 * once per outer row, so it counts that many times. When the children cost more than the parent (a
 * Limit, a semi-join that stops early), the parent uses only part of them: their costs are scaled
 * down to fit, and so are those of their descendants.
 */
function assignOwnCosts(node: PlanNode, scale: number): void {
  const total = node.totalCost;
  if (total === undefined) return;
  const rescans = node.children.map((_child, index) => (index === 1 && node.label.includes('Nested Loop') ? Math.max(1, node.children[0].planRows ?? 1) : 1));
  const childCost = node.children.reduce((sum, child, index) => sum + (child.totalCost ?? 0) * rescans[index], 0);
  const fit = childCost > total ? total / childCost : 1;
  node.selfCost = round(scale * Math.max(0, total - childCost));
  node.children.forEach((child, index) => assignOwnCosts(child, scale * rescans[index] * fit));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** The operation as EXPLAIN's text format names it: "Hash Left Join", "Parallel Seq Scan", "HashAggregate". */
function operation(fields: JsonObject): string {
  const nodeType = textOf(fields['Node Type']) ?? 'Unknown';
  let label = nodeType;
  if (nodeType === 'Aggregate') label = AGGREGATE_NAMES[String(fields.Strategy)] ?? 'Aggregate';
  else if (nodeType === 'SetOp' && fields.Strategy === 'Hashed') label = 'HashSetOp';
  else if (nodeType === 'ModifyTable') label = textOf(fields.Operation) ?? nodeType;
  else if (nodeType === 'Index Scan' || nodeType === 'Index Only Scan') {
    if (fields['Scan Direction'] === 'Backward') label = `${nodeType} Backward`;
  }
  const joinType = textOf(fields['Join Type']);
  if (JOIN_NODES.has(nodeType) && joinType && joinType !== 'Inner') {
    label = nodeType === 'Nested Loop' ? `Nested Loop ${joinType} Join` : nodeType.replace(' Join', ` ${joinType} Join`);
  }
  const partialMode = textOf(fields['Partial Mode']);
  if (partialMode === 'Partial' || partialMode === 'Finalize') label = `${partialMode} ${label}`;
  if (fields['Parallel Aware'] === true) label = `Parallel ${label}`;
  return label;
}

/** What the node reads and the conditions it applies, as one line. */
function detail(fields: JsonObject): string {
  const parts: string[] = [];
  const subplan = textOf(fields['Subplan Name']);
  if (subplan) parts.push(subplan);
  const target = targetOf(fields);
  if (target) parts.push(target);
  for (const name of CONDITION_FIELDS) {
    const value = fields[name];
    if (value !== undefined) parts.push(`${name}: ${rawValue(value)}`);
  }
  return parts.join(' · ');
}

function targetOf(fields: JsonObject): string | null {
  const relation = textOf(fields['Relation Name']);
  const schema = textOf(fields.Schema);
  const alias = textOf(fields.Alias);
  const index = textOf(fields['Index Name']);
  const named = textOf(fields['CTE Name']) ?? textOf(fields['Function Name']) ?? textOf(fields['Table Function Name']);
  let subject: string | null = null;
  if (relation) subject = `${schema ? `${schema}.` : ''}${relation}${alias && alias !== relation ? ` ${alias}` : ''}`;
  else if (named) subject = `${named}${alias && alias !== named ? ` ${alias}` : ''}`;
  else if (alias) subject = alias;
  if (index && subject) return `using ${index} on ${subject}`;
  if (index) return `on ${index}`;
  return subject ? `on ${subject}` : null;
}

function statementFacts(top: JsonObject): PlanFact[] {
  const facts: PlanFact[] = [];
  const triggers = Array.isArray(top.Triggers) ? top.Triggers.filter(isObject) : [];
  for (const trigger of triggers) {
    const constraint = textOf(trigger['Constraint Name']);
    const name = constraint ? `for constraint ${constraint}` : (textOf(trigger['Trigger Name']) ?? '');
    const relation = textOf(trigger.Relation);
    const calls = numberOf(trigger.Calls);
    const time = numberOf(trigger.Time);
    const figures = [calls === undefined ? null : `${calls} ${calls === 1 ? 'call' : 'calls'}`, time === undefined ? null : `${time} ms`];
    facts.push({ label: `Trigger ${name}${relation ? ` on ${relation}` : ''}`.trim(), value: figures.filter(Boolean).join(', ') });
  }
  if (isObject(top.JIT)) {
    const functions = numberOf(top.JIT.Functions);
    const total = isObject(top.JIT.Timing) ? numberOf(top.JIT.Timing.Total) : undefined;
    facts.push({ label: 'JIT', value: [functions === undefined ? null : `${functions} functions`, total === undefined ? null : `${total} ms`].filter(Boolean).join(', ') });
  }
  if (isObject(top.Planning)) {
    const used = Object.entries(top.Planning).filter(([, value]) => numberOf(value) !== 0);
    if (used.length > 0) facts.push({ label: 'Planning buffers', value: used.map(([name, value]) => `${name}: ${rawValue(value)}`).join(', ') });
  }
  return facts;
}
