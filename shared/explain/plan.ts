/**
 * A query plan as Strata shows it, whatever engine produced it. Parsers fill in what the engine
 * reports; weighPlan (weigh.ts) then derives each node's own share and marks the expensive ones.
 */

/** MySQL and MariaDB speak the same protocol but explain differently, so they are told apart here. */
export type PlanEngine = 'postgres' | 'mysql' | 'mariadb' | 'sqlite';

/**
 * What the shares are a share of: measured time (an analyzed plan), the planner's cost estimate, or
 * nothing when the engine reports neither (SQLite, MariaDB 10 without ANALYZE).
 */
export type PlanMeasure = 'time' | 'cost' | 'none';

/** One field exactly as the engine reported it, as text, for the details pane. */
export interface RawField {
  name: string;
  value: string;
}

/** Why a node is highlighted: `high` takes a large part of the plan, `notable` is among its most expensive. */
export interface HotMark {
  level: 'high' | 'notable';
  reason: string;
}

export interface PlanNode {
  /** Unique within the plan: the path of child positions, e.g. "0.1.0". */
  id: string;
  /** The operation: "Hash Join", "Seq Scan", "Index lookup", "SEARCH". */
  label: string;
  /** What it works on: relation, index, condition, sort key. Empty when there is nothing to say. */
  detail: string;
  startupCost?: number;
  /** The planner's cost of this node including its children. */
  totalCost?: number;
  /** The cost of this node alone. */
  selfCost?: number;
  /** Estimated rows per loop. */
  planRows?: number;
  /** Rows per loop actually produced (an analyzed plan). */
  actualRows?: number;
  /** How many times the node ran (an analyzed plan). */
  loops?: number;
  /** Time spent in this node and its children over all loops, in milliseconds. */
  actualTimeMs?: number;
  /** Time spent in this node alone over all loops, in milliseconds. */
  selfTimeMs?: number;
  /** This node's own part of the plan's measure, 0 to 1 (set by weighPlan). */
  share?: number;
  hot?: HotMark;
  children: PlanNode[];
  raw: RawField[];
}

/** A plan-level figure that belongs to no node: triggers, JIT, optimizer time. */
export interface PlanFact {
  label: string;
  value: string;
}

export interface Plan {
  engine: PlanEngine;
  /** The statement was executed and the figures are measured (EXPLAIN ANALYZE). */
  analyzed: boolean;
  measure: PlanMeasure;
  planningTimeMs?: number;
  executionTimeMs?: number;
  /** The planner's total cost of the statement. */
  totalCost?: number;
  /** Usually one; SQLite and multi-part MySQL plans can have several. */
  roots: PlanNode[];
  facts: PlanFact[];
  /** Things the user must know about how the plan was obtained (rolled back, not supported…). */
  warnings: string[];
}

/** What a parser returns: everything but the figures weighPlan derives. */
export type ParsedPlan = Omit<Plan, 'measure' | 'warnings'> & { warnings?: string[] };

/** The output of EXPLAIN was not in a shape the parser knows. */
export class PlanFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanFormatError';
  }
}

/** Every node of the plan, parents before children. */
export function* planNodes(roots: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of roots) {
    yield node;
    yield* planNodes(node.children);
  }
}

/** Gives every node its id: the path of child positions from the roots. */
export function assignIds(roots: PlanNode[], prefix = ''): PlanNode[] {
  roots.forEach((node, index) => {
    node.id = prefix === '' ? String(index) : `${prefix}.${index}`;
    assignIds(node.children, node.id);
  });
  return roots;
}
