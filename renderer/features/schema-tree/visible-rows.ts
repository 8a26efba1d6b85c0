import { childPath, type PathSegment, type SchemaChild } from '../../../shared/model/schema';
import { lowerNames, matchingPositions, positionsOf } from './sibling-index';
import { childKey, ROOT_KEY, splitKey } from './tree-keys';
import { keysByParent, type KeyedChild, type NodeRow, type SchemaTree, type StatusRow, type TreeRow } from './tree-model';

/** The siblings shown under one parent, in order: all of its loaded children, or those at `order`. */
interface SiblingList {
  parentKey: string;
  parentPath: PathSegment[];
  level: number;
  nodes: readonly SchemaChild[];
  /** Positions in `nodes` of the siblings shown, ascending; null when all are. */
  order: Int32Array | null;
  /** The filter, when this list is filtered: a shown sibling whose name lacks it is there as an ancestor of matches. */
  needle: string | null;
}

/** Consecutive rows: siblings `from` to `from + length - 1` of a list, or one status row. */
type Segment = { start: number; length: number; list: SiblingList; from: number } | { start: number; length: 1; row: StatusRow };

/**
 * The rows a tree shows, depth first, made on demand: a row is built only when it is asked for, so a
 * node with 100k children costs what the rows on screen cost. Building this is proportional to the
 * expanded and loaded nodes, not to the children.
 */
export class VisibleRows {
  readonly length: number;

  constructor(
    private readonly tree: SchemaTree,
    private readonly segments: readonly Segment[],
  ) {
    const last = segments[segments.length - 1];
    this.length = last ? last.start + last.length : 0;
  }

  at(index: number): TreeRow | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const segment = this.segments[this.segmentAt(index)] as Segment;
    return 'row' in segment ? segment.row : this.nodeRow(segment.list, segment.from + index - segment.start);
  }

  /** The index of the row with this key, or -1. */
  indexOfKey(key: string): number {
    const split = key.endsWith('/') ? splitKey(key) : null;
    for (const segment of this.segments) {
      if ('row' in segment) {
        if (segment.row.key === key) return segment.start;
        continue;
      }
      if (!split || segment.list.parentKey !== split.parentKey) continue;
      const position = listPosition(segment.list, positionsOf(segment.list.nodes, [split])[0] as number);
      if (position >= segment.from && position < segment.from + segment.length) return segment.start + position - segment.from;
    }
    return -1;
  }

  /** The first node row from `from` on, wrapping around to the top, whose node passes `test`; -1 when none does. */
  findNodeIndex(from: number, test: (node: SchemaChild) => boolean): number {
    if (this.length === 0) return -1;
    const start = ((from % this.length) + this.length) % this.length;
    const first = this.segmentAt(start);
    for (let step = 0; step <= this.segments.length; step++) {
      const segment = this.segments[(first + step) % this.segments.length] as Segment;
      if ('row' in segment) continue;
      const { list } = segment;
      const wrapped = step === this.segments.length;
      const begin = step === 0 ? start - segment.start : 0;
      const end = wrapped ? start - segment.start : segment.length;
      for (let offset = begin; offset < end; offset++) {
        const position = segment.from + offset;
        if (test(list.nodes[list.order ? (list.order[position] as number) : position] as SchemaChild)) return segment.start + offset;
      }
    }
    return -1;
  }

  private segmentAt(index: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.segments[middle] as Segment).start <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private nodeRow(list: SiblingList, position: number): NodeRow {
    const index = list.order ? (list.order[position] as number) : position;
    const node = list.nodes[index] as SchemaChild;
    const key = childKey(list.parentKey, node);
    const matches = list.needle === null || (lowerNames(list.nodes)[index] as string).includes(list.needle);
    return {
      type: 'node',
      key,
      parentKey: list.parentKey,
      parentPath: list.parentPath,
      node,
      level: list.level,
      expanded: !matches || (node.hasChildren && this.tree.expanded[key] === true),
      loading: node.hasChildren && this.tree.children[key]?.status === 'loading',
      setSize: list.order ? list.order.length : list.nodes.length,
      posInSet: position + 1,
    };
  }
}

/** Where the sibling at `index` of the list's nodes is among the shown ones, or -1. */
function listPosition(list: SiblingList, index: number): number {
  if (index < 0 || list.order === null) return index;
  let low = 0;
  let high = list.order.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = list.order[middle] as number;
    if (value === index) return middle;
    if (value < index) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Two ascending position lists as one, without repeats. */
function mergePositions(sorted: Int32Array, extra: number[]): Int32Array {
  if (extra.length === 0) return sorted;
  const more = [...new Set(extra)].sort((a, b) => a - b);
  const merged = new Int32Array(sorted.length + more.length);
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < sorted.length || j < more.length) {
    const next = j >= more.length || (i < sorted.length && (sorted[i] as number) <= (more[j] as number)) ? (sorted[i++] as number) : (more[j++] as number);
    if (count === 0 || merged[count - 1] !== next) merged[count++] = next;
  }
  return merged.slice(0, count);
}

/**
 * The visible rows. With a filter (case-insensitive, over loaded nodes only), a node shows when its
 * name contains the filter — with its subtree as the user expanded it — or when a loaded descendant
 * matches, in which case it is shown open so the match is visible.
 */
export function visibleRows(tree: SchemaTree, filter: string): VisibleRows {
  const needle = filter.trim().toLowerCase();
  const segments: Segment[] = [];
  let next = 0;
  const expandedByParent = keysByParent(Object.keys(tree.expanded));
  const loadedByParent = needle === '' ? new Map<string, KeyedChild[]>() : keysByParent(Object.keys(tree.children));
  const matchBelow = new Map<string, boolean>();

  const pushRow = (row: StatusRow) => {
    segments.push({ start: next, length: 1, row });
    next += 1;
  };
  const pushSiblings = (list: SiblingList, from: number, to: number) => {
    if (to <= from) return;
    segments.push({ start: next, length: to - from, list, from });
    next += to - from;
  };

  /** Positions of the loaded children of `key` that do not match but under which something does. */
  const ancestorsOfMatches = (key: string, nodes: readonly SchemaChild[]): number[] => {
    const loaded = loadedByParent.get(key) ?? [];
    const positions = positionsOf(nodes, loaded);
    const lower = lowerNames(nodes);
    return loaded.flatMap((child, i) => {
      const position = positions[i] as number;
      return position >= 0 && !(lower[position] as string).includes(needle) && hasMatchBelow(child.key) ? [position] : [];
    });
  };

  const hasMatchBelow = (key: string): boolean => {
    const known = matchBelow.get(key);
    if (known !== undefined) return known;
    matchBelow.set(key, false);
    const nodes = tree.children[key]?.nodes ?? [];
    const result = matchingPositions(nodes, needle).length > 0 || ancestorsOfMatches(key, nodes).length > 0;
    matchBelow.set(key, result);
    return result;
  };

  const visit = (parentKey: string, parentPath: PathSegment[], level: number, filtering: boolean): void => {
    const state = tree.children[parentKey];
    if (!filtering) {
      if (!state || (state.status === 'loading' && state.nodes.length === 0)) {
        pushRow({ type: 'loading', key: `${parentKey}#loading`, parentKey, parentPath, level, message: null });
        return;
      }
      if (state.status === 'error') {
        pushRow({ type: 'error', key: `${parentKey}#error`, parentKey, parentPath, level, message: state.error });
        return;
      }
      if (state.nodes.length === 0) {
        pushRow({ type: 'empty', key: `${parentKey}#empty`, parentKey, parentPath, level, message: null });
        return;
      }
    }
    const nodes = state?.nodes ?? [];
    const expanded = expandedByParent.get(parentKey) ?? [];
    const expandedPositions = positionsOf(nodes, expanded).filter((index) => index >= 0 && (nodes[index] as SchemaChild).hasChildren);
    let list: SiblingList;
    // Children shown open: those the user expanded and, when filtering, those shown only for a match below.
    let open: number[];
    if (filtering) {
      const lower = lowerNames(nodes);
      const matchesName = (index: number) => (lower[index] as string).includes(needle);
      const ancestors = ancestorsOfMatches(parentKey, nodes);
      list = { parentKey, parentPath, level, nodes, order: mergePositions(matchingPositions(nodes, needle), ancestors), needle };
      open = [...ancestors, ...expandedPositions.filter(matchesName)];
    } else {
      list = { parentKey, parentPath, level, nodes, order: null, needle: null };
      open = expandedPositions;
    }
    const openPositions = open.map((index) => listPosition(list, index)).sort((a, b) => a - b);
    let from = 0;
    for (const position of openPositions) {
      pushSiblings(list, from, position + 1);
      from = position + 1;
      const index = list.order ? (list.order[position] as number) : position;
      const node = nodes[index] as SchemaChild;
      const matches = list.needle === null || (lowerNames(nodes)[index] as string).includes(list.needle);
      visit(childKey(parentKey, node), childPath(parentPath, node), level + 1, filtering && !matches);
    }
    pushSiblings(list, from, list.order ? list.order.length : nodes.length);
  };

  if (needle === '') {
    if (tree.children[ROOT_KEY]) visit(ROOT_KEY, [], 1, false);
  } else {
    visit(ROOT_KEY, [], 1, true);
  }
  return new VisibleRows(tree, segments);
}
