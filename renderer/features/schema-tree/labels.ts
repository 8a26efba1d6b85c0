import type { SchemaChild, SchemaNodeKind } from '../../../shared/model/schema';

/** Groups arrive as identifiers ('materialized-views'); everything else shows its name as is. */
export function nodeLabel(node: SchemaChild): string {
  if (node.kind !== 'group') return node.name;
  const words = node.name.replaceAll('-', ' ').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const KIND_LABELS: Record<SchemaNodeKind, string> = {
  database: 'Database',
  schema: 'Schema',
  group: 'Folder',
  table: 'Table',
  view: 'View',
  'materialized-view': 'Materialized view',
  function: 'Function',
  sequence: 'Sequence',
  index: 'Index',
  trigger: 'Trigger',
  column: 'Column',
  'foreign-key': 'Foreign key',
  procedure: 'Procedure',
  constraint: 'Constraint',
  policy: 'Policy',
  extension: 'Extension',
  type: 'Type',
  role: 'Role',
  event: 'Event',
};

/** What kind of object a node is, in words, for its tooltip. */
export function kindLabel(kind: SchemaNodeKind): string {
  return KIND_LABELS[kind];
}

/** The tooltip of a node: its kind, name and detail. */
export function nodeTooltip(node: SchemaChild): string {
  const label = node.kind === 'group' ? nodeLabel(node) : `${kindLabel(node.kind)} ${node.name}`;
  return node.detail ? `${label} — ${node.detail}` : label;
}
