import { childPath, type PathSegment, type SchemaChild } from '../../../shared/model/schema';

/**
 * The children of one node as last loaded, without their paths (a child's path is its parent's plus
 * `{ kind, name }`). `nodes` is kept while a refresh is loading.
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

export type TreeRow =
  | {
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
  | {
      type: 'loading' | 'error' | 'empty';
      key: string;
      parentKey: string;
      parentPath: PathSegment[];
      level: number;
      message: string | null;
    };

/** One segment's part of a key. The name's length makes it self-delimiting, so joined parts never collide. */
function segmentKey(segment: Pick<PathSegment, 'kind' | 'name'>): string {
  return `${segment.kind}:${segment.name.length}:${segment.name}/`;
}

/** A node's identity as a string; the root's is ''. */
export function pathKey(path: readonly PathSegment[]): string {
  return path.map(segmentKey).join('');
}

export const ROOT_KEY = '';

const keyCache = new WeakMap<SchemaChild, string>();

/**
 * The key of a child from its parent's key, without re-encoding the whole path, and remembered per
 * node object: trees can hold 100k nodes and are flattened again on every change.
 */
export function childKey(parentKey: string, node: SchemaChild): string {
  let key = keyCache.get(node);
  if (key === undefined) {
    key = parentKey + segmentKey(node);
    keyCache.set(node, key);
  }
  return key;
}

/** The full path of a node row, built when an action needs it rather than for every row. */
export function rowPath(row: Extract<TreeRow, { type: 'node' }>): PathSegment[] {
  return childPath(row.parentPath, row.node);
}

/**
 * The visible rows, depth first. With a filter (case-insensitive, over loaded nodes only), a node shows
 * when its name contains the filter — with its subtree as the user expanded it — or when a loaded
 * descendant matches, in which case it is shown open so the match is visible.
 */
export function flattenTree(tree: SchemaTree, filter: string): TreeRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: TreeRow[] = [];
  const matchCache = new Map<string, boolean>();

  const loadedChildren = (key: string): SchemaChild[] => tree.children[key]?.nodes ?? [];

  const hasMatchBelow = (key: string): boolean => {
    const cached = matchCache.get(key);
    if (cached !== undefined) return cached;
    matchCache.set(key, false);
    const result = loadedChildren(key).some((child) => child.name.toLowerCase().includes(needle) || hasMatchBelow(childKey(key, child)));
    matchCache.set(key, result);
    return result;
  };

  const visit = (parentKey: string, parentPath: PathSegment[], level: number, filtering: boolean): void => {
    const state = tree.children[parentKey];
    if (!filtering) {
      if (!state || (state.status === 'loading' && state.nodes.length === 0)) {
        rows.push({ type: 'loading', key: `${parentKey}#loading`, parentKey, parentPath, level, message: null });
        return;
      }
      if (state.status === 'error') {
        rows.push({ type: 'error', key: `${parentKey}#error`, parentKey, parentPath, level, message: state.error });
        return;
      }
      if (state.nodes.length === 0) {
        rows.push({ type: 'empty', key: `${parentKey}#empty`, parentKey, parentPath, level, message: null });
        return;
      }
    }
    const nodes = state?.nodes ?? [];
    // Without a filter every child shows; with one, only matches and the ancestors of matches.
    const matched = new Set<SchemaChild>();
    const shown = filtering
      ? nodes.filter((node) => {
          if (!node.name.toLowerCase().includes(needle)) return hasMatchBelow(childKey(parentKey, node));
          matched.add(node);
          return true;
        })
      : nodes;
    for (let index = 0; index < shown.length; index++) {
      const node = shown[index] as SchemaChild;
      const key = childKey(parentKey, node);
      const matches = !filtering || matched.has(node);
      const expanded = !matches || (node.hasChildren && tree.expanded[key] === true);
      rows.push({
        type: 'node',
        key,
        parentKey,
        parentPath,
        node,
        level,
        expanded,
        loading: node.hasChildren && tree.children[key]?.status === 'loading',
        setSize: shown.length,
        posInSet: index + 1,
      });
      if (expanded) visit(key, childPath(parentPath, node), level + 1, !matches);
    }
  };

  if (needle === '') {
    const root = tree.children[ROOT_KEY];
    if (root) visit(ROOT_KEY, [], 1, false);
  } else {
    visit(ROOT_KEY, [], 1, true);
  }
  return rows;
}

/**
 * Keys still reachable from the root through loaded, expanded nodes. Anything else (nodes that vanished
 * after a refresh, stale children of collapsed nodes) can be dropped.
 */
export function reachableKeys(tree: SchemaTree): Set<string> {
  const reachable = new Set<string>([ROOT_KEY]);
  const walk = (key: string) => {
    for (const node of tree.children[key]?.nodes ?? []) {
      const nodeKey = childKey(key, node);
      if (tree.expanded[nodeKey] && !reachable.has(nodeKey)) {
        reachable.add(nodeKey);
        walk(nodeKey);
      }
    }
  };
  walk(ROOT_KEY);
  return reachable;
}
