import type { SchemaChild } from '../../../shared/model/schema';

/** Groups arrive as identifiers ('materialized-views'); everything else shows its name as is. */
export function nodeLabel(node: SchemaChild): string {
  if (node.kind !== 'group') return node.name;
  const words = node.name.replaceAll('-', ' ').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
