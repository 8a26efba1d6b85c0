import type { Cell } from '../model/query';
import { assignIds, PlanFormatError, type ParsedPlan, type PlanNode } from './plan';

const STEP = /^(SCAN|SEARCH)\s+(.*)$/s;
const TEMP_TREE = /^USE TEMP B-TREE FOR\s+(.*)$/s;
/** A SCAN that reads every row of a table: not through an index, not a subquery's or CTE's rows. */
const FULL_SCAN = /^SCAN\s+(?!CONSTANT ROW)(?!.*\bUSING\b)(?!.*\b(?:VIRTUAL TABLE|SUBQUERY|CO-ROUTINE)\b)/s;

/**
 * Builds the tree of SQLite's `EXPLAIN QUERY PLAN` rows: (id, parent, notused, detail), each row
 * hanging under the row whose id is its parent (0 for the top). SQLite reports no costs, estimates
 * or times, so a plain table scan is the one thing marked.
 */
export function parseSqlitePlan(rows: readonly Cell[][]): ParsedPlan {
  const byId = new Map<string, PlanNode>();
  const roots: PlanNode[] = [];
  for (const row of rows) {
    if (row.length < 4) throw new PlanFormatError('SQLite EXPLAIN QUERY PLAN rows have four columns: id, parent, notused, detail.');
    const [id, parent, notused, text] = row;
    const node = stepNode(text ?? '', [
      { name: 'id', value: id ?? 'null' },
      { name: 'parent', value: parent ?? 'null' },
      { name: 'notused', value: notused ?? 'null' },
      { name: 'detail', value: text ?? 'null' },
    ]);
    const container = parent === null ? undefined : byId.get(parent);
    if (container) container.children.push(node);
    else roots.push(node);
    if (id !== null) byId.set(id, node);
  }
  return { engine: 'sqlite', analyzed: false, roots: assignIds(roots), facts: [] };
}

function stepNode(text: string, raw: PlanNode['raw']): PlanNode {
  const node: PlanNode = { id: '', label: text, detail: '', children: [], raw };
  const step = STEP.exec(text);
  const temp = TEMP_TREE.exec(text);
  if (step) {
    node.label = step[1] === 'SCAN' ? 'Scan' : 'Search';
    node.detail = step[2];
  } else if (temp) {
    node.label = 'Temp B-tree';
    node.detail = `for ${temp[1]}`;
  }
  if (FULL_SCAN.test(text)) node.hot = { level: 'notable', reason: 'Full table scan' };
  return node;
}
