import type { PlanNode } from '../../../shared/explain/plan';

/** One line of the plan tree as drawn: a node at its depth, with its open/closed state. */
export interface PlanRow {
  node: PlanNode;
  /** 0 for a root. */
  depth: number;
  parentId: string | null;
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows on screen: every node whose ancestors are all expanded, in tree order. */
export function visiblePlanRows(roots: readonly PlanNode[], collapsed: ReadonlySet<string>): PlanRow[] {
  const rows: PlanRow[] = [];
  const visit = (node: PlanNode, depth: number, parentId: string | null) => {
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren && !collapsed.has(node.id);
    rows.push({ node, depth, parentId, hasChildren, expanded });
    if (expanded) for (const child of node.children) visit(child, depth + 1, node.id);
  };
  for (const root of roots) visit(root, 0, null);
  return rows;
}

/** The ids of every node that has children: what "collapse all" closes. */
export function branchIds(roots: readonly PlanNode[]): string[] {
  const ids: string[] = [];
  const visit = (node: PlanNode) => {
    if (node.children.length === 0) return;
    ids.push(node.id);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return ids;
}

export function findPlanNode(roots: readonly PlanNode[], id: string): PlanNode | null {
  for (const node of roots) {
    if (node.id === id) return node;
    const found = findPlanNode(node.children, id);
    if (found) return found;
  }
  return null;
}

/** What a key does in the tree, as the WAI-ARIA tree pattern has it. */
export type TreeKeyAction = { type: 'focus'; index: number } | { type: 'toggle'; id: string } | null;

export function treeKeyAction(key: string, rows: readonly PlanRow[], index: number, pageSize: number): TreeKeyAction {
  const row = rows[index];
  if (!row) return null;
  const focus = (target: number): TreeKeyAction => ({ type: 'focus', index: Math.max(0, Math.min(rows.length - 1, target)) });
  switch (key) {
    case 'ArrowDown':
      return focus(index + 1);
    case 'ArrowUp':
      return focus(index - 1);
    case 'PageDown':
      return focus(index + pageSize);
    case 'PageUp':
      return focus(index - pageSize);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? focus(index + 1) : { type: 'toggle', id: row.node.id };
    case 'ArrowLeft': {
      if (row.expanded) return { type: 'toggle', id: row.node.id };
      const parent = rows.findIndex((candidate) => candidate.node.id === row.parentId);
      return parent === -1 ? null : focus(parent);
    }
    case 'Enter':
    case ' ':
      return row.hasChildren ? { type: 'toggle', id: row.node.id } : null;
    default:
      return null;
  }
}
