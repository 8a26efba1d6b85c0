import type { SchemaChild, SchemaNodeKind } from '../../../shared/model/schema';

/**
 * What is derived from one loaded list of siblings, kept as long as that list is. A list arrives once per
 * load and is never changed in place, so nothing here goes stale; a reload brings a new list.
 */
interface SiblingIndex {
  lowerNames: string[] | null;
  /** Positions found so far, by `kind/name`; -1 when the list has no such child. */
  positions: Map<string, number>;
  /** The latest filters' matches, newest last. */
  matches: { needle: string; indices: Int32Array }[];
}

const MATCHES_KEPT = 8;
const indexes = new WeakMap<readonly SchemaChild[], SiblingIndex>();

function indexOf(nodes: readonly SchemaChild[]): SiblingIndex {
  let index = indexes.get(nodes);
  if (!index) {
    index = { lowerNames: null, positions: new Map(), matches: [] };
    indexes.set(nodes, index);
  }
  return index;
}

/** The siblings' names in lower case, worked out once per list. */
export function lowerNames(nodes: readonly SchemaChild[]): string[] {
  const index = indexOf(nodes);
  if (index.lowerNames === null) {
    const lower = new Array<string>(nodes.length);
    for (let i = 0; i < nodes.length; i++) lower[i] = (nodes[i] as SchemaChild).name.toLowerCase();
    index.lowerNames = lower;
  }
  return index.lowerNames;
}

export interface ChildRef {
  kind: SchemaNodeKind;
  name: string;
}

const refKey = (ref: ChildRef) => `${ref.kind}/${ref.name}`;

/**
 * Where each of `wanted` is among `nodes` (-1 when absent). The ones not asked before are found in a
 * single pass, however many there are, and remembered.
 */
export function positionsOf(nodes: readonly SchemaChild[], wanted: readonly ChildRef[]): number[] {
  const { positions } = indexOf(nodes);
  const pending = new Map<string, Set<SchemaNodeKind>>();
  for (const ref of wanted) {
    if (positions.has(refKey(ref))) continue;
    const kinds = pending.get(ref.name);
    if (kinds) kinds.add(ref.kind);
    else pending.set(ref.name, new Set([ref.kind]));
  }
  for (let i = 0; i < nodes.length && pending.size > 0; i++) {
    const node = nodes[i] as SchemaChild;
    const kinds = pending.get(node.name);
    if (!kinds?.has(node.kind)) continue;
    positions.set(refKey(node), i);
    kinds.delete(node.kind);
    if (kinds.size === 0) pending.delete(node.name);
  }
  for (const [name, kinds] of pending) for (const kind of kinds) positions.set(refKey({ kind, name }), -1);
  return wanted.map((ref) => positions.get(refKey(ref)) as number);
}

/**
 * The positions, ascending, of the siblings whose name contains `needle` (already lower case). A needle
 * that extends one asked before only re-checks that one's matches, so typing narrows what it scans.
 */
export function matchingPositions(nodes: readonly SchemaChild[], needle: string): Int32Array {
  const index = indexOf(nodes);
  const exact = index.matches.find((entry) => entry.needle === needle);
  if (exact) return exact.indices;
  const names = lowerNames(nodes);
  let base: Int32Array | null = null;
  let baseLength = -1;
  for (const entry of index.matches) {
    if (entry.needle.length > baseLength && needle.includes(entry.needle)) {
      base = entry.indices;
      baseLength = entry.needle.length;
    }
  }
  const found = new Int32Array(base ? base.length : names.length);
  let count = 0;
  if (base) {
    for (const position of base) if ((names[position] as string).includes(needle)) found[count++] = position;
  } else {
    for (let position = 0; position < names.length; position++) if ((names[position] as string).includes(needle)) found[count++] = position;
  }
  const indices = base && count === base.length ? base : found.slice(0, count);
  index.matches.push({ needle, indices });
  if (index.matches.length > MATCHES_KEPT) index.matches.shift();
  return indices;
}
