import { childPath, type PathSegment, type SchemaChild } from '../../../shared/model/schema';
import { positionsOf } from './sibling-index';
import { ROOT_KEY, splitKey, type SplitKey } from './tree-keys';

/**
 * The children of one node as last loaded, without their paths (a child's path is its parent's plus
 * `{ kind, name }`). `nodes` is kept while a refresh is loading, and never changed in place.
 */
export interface ChildrenState {
  status: 'loading' | 'loaded' | 'error';
  nodes: SchemaChild[];
  error: string | null;
}

/** One connection's tree: loaded children by parent path key (the root's key is ROOT_KEY), and expanded nodes. */
export interface SchemaTree {
  children: Record<string, ChildrenState>;
  expanded: Record<string, true>;
}

export const EMPTY_TREE: SchemaTree = { children: {}, expanded: {} };

export interface NodeRow {
  type: 'node';
  key: string;
  parentKey: string;
  parentPath: PathSegment[];
  node: SchemaChild;
  level: number;
  expanded: boolean;
  /** Children are being (re)loaded. */
  loading: boolean;
  setSize: number;
  posInSet: number;
}

export interface StatusRow {
  type: 'loading' | 'error' | 'empty';
  key: string;
  parentKey: string;
  parentPath: PathSegment[];
  level: number;
  message: string | null;
}

export type TreeRow = NodeRow | StatusRow;

/** The full path of a node row, built when an action needs it rather than for every row. */
export function rowPath(row: NodeRow): PathSegment[] {
  return childPath(row.parentPath, row.node);
}

/** A key taken apart, with the key itself. */
export interface KeyedChild extends SplitKey {
  key: string;
}

/** The keys of a record that belong to nodes, grouped by their parent's key. */
export function keysByParent(keys: Iterable<string>): Map<string, KeyedChild[]> {
  const byParent = new Map<string, KeyedChild[]>();
  for (const key of keys) {
    const split = splitKey(key);
    if (!split) continue;
    const siblings = byParent.get(split.parentKey);
    if (siblings) siblings.push({ ...split, key });
    else byParent.set(split.parentKey, [{ ...split, key }]);
  }
  return byParent;
}

/**
 * The expanded children of the node at `parentPath` that are among its loaded children, as paths. Found
 * through the expanded keys, so a node with 100k children costs no more than one with ten.
 */
export function expandedChildPaths(tree: SchemaTree, parentPath: readonly PathSegment[], parentKey: string): PathSegment[][] {
  const nodes = tree.children[parentKey]?.nodes ?? [];
  const expanded = keysByParent(Object.keys(tree.expanded)).get(parentKey) ?? [];
  const positions = positionsOf(nodes, expanded);
  return expanded.filter((_, i) => (positions[i] as number) >= 0).map((child) => [...parentPath, { kind: child.kind, name: child.name }]);
}

/**
 * Keys still reachable from the root through loaded, expanded nodes. Anything else (nodes that vanished
 * after a refresh, stale children of collapsed nodes) can be dropped.
 */
export function reachableKeys(tree: SchemaTree): Set<string> {
  const reachable = new Set<string>([ROOT_KEY]);
  const byParent = keysByParent(Object.keys(tree.expanded));
  const walk = (key: string) => {
    const expanded = byParent.get(key);
    if (!expanded) return;
    const positions = positionsOf(tree.children[key]?.nodes ?? [], expanded);
    expanded.forEach((child, i) => {
      if ((positions[i] as number) < 0 || reachable.has(child.key)) return;
      reachable.add(child.key);
      walk(child.key);
    });
  };
  walk(ROOT_KEY);
  return reachable;
}
