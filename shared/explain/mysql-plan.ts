import { assignIds, PlanFormatError, type ParsedPlan, type PlanNode } from './plan';
import { isObject, numberOf, parseJsonText, rawFields, sumDefined, textOf, type JsonObject } from './raw-fields';

/**
 * Reads `EXPLAIN FORMAT=JSON` of MySQL 8 (format version 1: query_block, nested_loop, table with
 * cost_info) and of MariaDB (`EXPLAIN`/`ANALYZE FORMAT=JSON`: rows, r_rows, r_loops, r_*_time_ms,
 * filesort, block-nl-join, subqueries). Both nest operations as JSON members; each member that holds
 * a block, a table or an operation becomes a node, and the scalar members become its raw fields.
 */
export function parseMysqlPlan(text: string, engine: 'mysql' | 'mariadb'): ParsedPlan {
  const document = parseJsonText(text, `${engine === 'mariadb' ? 'MariaDB' : 'MySQL'} EXPLAIN`);
  if (!isObject(document) || !isObject(document.query_block)) {
    throw new PlanFormatError('The EXPLAIN output has no query_block: this server explains in a format Strata does not read.');
  }
  const block = document.query_block;
  const analyzed = block.r_total_time_ms !== undefined || block.r_loops !== undefined;
  const root = collapse(memberNode('query_block', block, 'query_block'));
  const optimization = isObject(document.query_optimization) ? numberOf(document.query_optimization.r_total_time_ms) : undefined;
  return {
    engine,
    analyzed,
    planningTimeMs: optimization,
    executionTimeMs: numberOf(block.r_total_time_ms),
    totalCost: root.totalCost,
    roots: assignIds([root]),
    facts: [],
  };
}

/** Members that describe the node they are in rather than a step of their own. */
const FLATTENED = new Set(['cost_info', 'r_engine_stats', 'r_sort_passes', 'r_join_cache']);
/** How a query block is named after the member that holds it. */
const BLOCK_ROLES: Record<string, string> = {
  query_block: 'Select',
  query_specifications: 'Select',
  subqueries: 'Subquery',
  expression_cache: 'Subquery',
  attached_subqueries: 'Subquery',
  optimized_away_subqueries: 'Subquery (optimized away)',
  select_list_subqueries: 'Subquery in SELECT list',
  order_by_subqueries: 'Subquery in ORDER BY',
  group_by_subqueries: 'Subquery in GROUP BY',
  having_subqueries: 'Subquery in HAVING',
  update_value_subqueries: 'Subquery in SET',
};
const ACCESS_TYPES: Record<string, string> = {
  ALL: 'Full table scan',
  index: 'Full index scan',
  range: 'Index range scan',
  ref: 'Index lookup',
  eq_ref: 'Unique index lookup',
  ref_or_null: 'Index lookup (or NULL)',
  const: 'Constant row',
  system: 'System row',
  fulltext: 'Full-text index lookup',
  index_merge: 'Index merge',
  unique_subquery: 'Unique subquery lookup',
  index_subquery: 'Index subquery lookup',
  hash_ALL: 'Hash join scan',
  hash_index: 'Hash join index scan',
  hash_range: 'Hash join range scan',
};
const JOIN_BUFFERS: Record<string, string> = {
  BNL: 'Block nested loop join',
  BNLH: 'Block hash join',
  BKA: 'Batched key access join',
  BKAH: 'Batched key access hash join',
};

/** A node for a member `key` whose value is `body`; `role` is the array member that held it, if any. */
function memberNode(key: string, body: JsonObject, role: string, extra: JsonObject = {}): PlanNode {
  const children = childNodes(body);
  const raw = rawFields({ ...extra, ...body }, new Set(childKeys(body)), FLATTENED);
  const node: PlanNode = { id: '', label: humanize(key), detail: '', children, raw };
  switch (key) {
    case 'query_block':
      describeBlock(node, body, role);
      break;
    case 'table':
      describeTable(node, body);
      break;
    case 'block-nl-join':
      node.label = JOIN_BUFFERS[String(body.join_type)] ?? 'Join buffer';
      node.detail = conditionText('Condition', body.attached_condition);
      node.loops = numberOf(body.r_loops);
      node.selfTimeMs = sumDefined(numberOf(body.r_unpack_time_ms), numberOf(body.r_other_time_ms));
      break;
    case 'filesort':
      node.label = 'Sort';
      node.detail = textOf(body.sort_key) ?? '';
      node.loops = numberOf(body.r_loops);
      node.actualRows = numberOf(body.r_output_rows);
      node.selfTimeMs = numberOf(body.r_total_time_ms);
      break;
    case 'ordering_operation':
      node.label = body.using_filesort === true ? 'Sort' : 'Order (by index)';
      node.selfCost = isObject(body.cost_info) ? numberOf(body.cost_info.sort_cost) : undefined;
      break;
    case 'grouping_operation':
      node.label = body.using_temporary_table === true ? 'Group (temporary table)' : 'Group';
      node.selfCost = isObject(body.cost_info) ? numberOf(body.cost_info.sort_cost) : undefined;
      break;
    case 'duplicates_removal':
      node.label = 'Remove duplicates';
      break;
    case 'union_result':
      node.label = 'Union';
      node.detail = textOf(body.table_name) ?? '';
      node.loops = numberOf(body.r_loops);
      node.actualRows = numberOf(body.r_rows);
      break;
    case 'materialized':
    case 'materialized_from_subquery':
      node.label = body.unique === 1 || body.unique === true ? 'Materialize (unique)' : 'Materialize';
      break;
    default:
      break;
  }
  return node;
}

function describeBlock(node: PlanNode, body: JsonObject, role: string): void {
  const selectId = textOf(body.select_id);
  const name = textOf(body.operation) ?? BLOCK_ROLES[role] ?? 'Select';
  node.label = selectId ? `${name} #${selectId}` : name;
  const conditions = [conditionText('Outer condition', body.outer_ref_condition), conditionText('Having', body.having_condition)];
  node.detail = conditions.filter(Boolean).join(' · ');
  node.totalCost = isObject(body.cost_info) ? numberOf(body.cost_info.query_cost) : numberOf(body.cost);
  // The block's cost is the sum its tables already carry, not added work of its own.
  if (node.totalCost !== undefined) node.selfCost = 0;
  node.loops = numberOf(body.r_loops);
  node.actualTimeMs = numberOf(body.r_total_time_ms);
}

function describeTable(node: PlanNode, body: JsonObject): void {
  const message = textOf(body.message);
  const accessType = textOf(body.access_type);
  if (message && !accessType) {
    node.label = message;
    return;
  }
  node.label = (accessType && ACCESS_TYPES[accessType]) ?? accessType ?? 'Table';
  const parts = [textOf(body.table_name) ?? ''];
  const key = textOf(body.key);
  if (key) parts[0] += ` using ${key}${Array.isArray(body.used_key_parts) ? ` (${body.used_key_parts.map(String).join(', ')})` : ''}`;
  parts.push(conditionText('Index condition', body.index_condition), conditionText('Condition', body.attached_condition));
  node.detail = parts.filter(Boolean).join(' · ');
  node.planRows = numberOf(body.rows_examined_per_scan) ?? numberOf(body.rows);
  node.actualRows = numberOf(body.r_rows);
  node.loops = numberOf(body.r_loops);
  node.selfTimeMs = sumDefined(numberOf(body.r_table_time_ms), numberOf(body.r_other_time_ms));
  node.selfCost = isObject(body.cost_info) ? sumDefined(numberOf(body.cost_info.read_cost), numberOf(body.cost_info.eval_cost)) : numberOf(body.cost);
  // Without costs or times (MariaDB's plain EXPLAIN) a full scan is the one warning sign to show.
  if (accessType === 'ALL') node.hot = { level: 'notable', reason: 'Full table scan' };
}

/** Members holding further steps: an object that is not descriptive, or a list of objects. */
function childKeys(body: JsonObject): string[] {
  return Object.keys(body).filter((key) => {
    if (FLATTENED.has(key)) return false;
    const value = body[key];
    return isObject(value) || (Array.isArray(value) && value.some(isObject));
  });
}

function childNodes(body: JsonObject): PlanNode[] {
  const nodes: PlanNode[] = [];
  for (const key of childKeys(body)) {
    const value = body[key];
    if (isObject(value)) nodes.push(collapse(memberNode(key, value, key)));
    else if (Array.isArray(value)) {
      const items = value.filter(isObject).map((item) => itemNode(key, item));
      nodes.push(...(key === 'nested_loop' ? [collapse({ id: '', label: 'Nested loop join', detail: '', children: items, raw: [] })] : items));
    }
  }
  return nodes;
}

/**
 * One element of a list: usually a wrapper with one step in it ({"table": …}, {"query_block": …},
 * {"expression_cache": …}) plus a few flags (dependent, cacheable), which become that step's fields.
 */
function itemNode(listKey: string, item: JsonObject): PlanNode {
  const inner = childKeys(item);
  if (inner.length === 1) {
    const [key] = inner;
    const flags = Object.fromEntries(Object.entries(item).filter(([name]) => name !== key));
    const body = item[key];
    if (isObject(body)) return collapse(memberNode(key, body, listKey, flags));
  }
  return collapse(memberNode(listKey, item, listKey));
}

/**
 * Drops wrappers that say nothing: a join of one table, and a block without an id around one step
 * (MariaDB wraps a UNION's result that way).
 */
function collapse(node: PlanNode): PlanNode {
  const wrapper = node.label === 'Nested loop join' || node.label === 'Select';
  if (wrapper && node.children.length === 1 && node.raw.length === 0) return node.children[0];
  return node;
}

function conditionText(name: string, value: unknown): string {
  const text = textOf(value);
  return text ? `${name}: ${text}` : '';
}

/** "ordering_operation" → "Ordering operation", for members this parser has no name for. */
function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
