import { describe, expect, it } from 'vitest';
import { childPath, type PathSegment, type SchemaChild, type SchemaNodeKind } from '../../../shared/model/schema';
import { matchingPositions, positionsOf } from '../../../renderer/features/schema-tree/sibling-index';
import { pathKey, ROOT_KEY, splitKey } from '../../../renderer/features/schema-tree/tree-keys';
import { expandedChildPaths, type SchemaTree, type TreeRow } from '../../../renderer/features/schema-tree/tree-model';
import { visibleRows } from '../../../renderer/features/schema-tree/visible-rows';

/**
 * The whole tree walked and every row built, the straightforward way (what the tree did before rows
 * were made on demand), with keys encoded from full paths. The rows on demand must equal these.
 */
function fullRebuild(tree: SchemaTree, filter: string): TreeRow[] {
  const needle = filter.trim().toLowerCase();
  const rows: TreeRow[] = [];
  const nodesOf = (key: string): SchemaChild[] => tree.children[key]?.nodes ?? [];
  const nameMatches = (node: SchemaChild) => node.name.toLowerCase().includes(needle);
  const hasMatchBelow = (path: PathSegment[]): boolean =>
    nodesOf(pathKey(path)).some((child) => nameMatches(child) || hasMatchBelow(childPath(path, child)));

  const visit = (parentPath: PathSegment[], level: number, filtering: boolean): void => {
    const parentKey = pathKey(parentPath);
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
    const shown = filtering ? nodes.filter((node) => nameMatches(node) || hasMatchBelow(childPath(parentPath, node))) : nodes;
    shown.forEach((node, index) => {
      const path = childPath(parentPath, node);
      const key = pathKey(path);
      const matches = !filtering || nameMatches(node);
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
      if (expanded) visit(path, level + 1, !matches);
    });
  };

  if (needle === '') {
    if (tree.children[ROOT_KEY]) visit([], 1, false);
  } else {
    visit([], 1, true);
  }
  return rows;
}

function allRows(tree: SchemaTree, filter: string): TreeRow[] {
  const rows = visibleRows(tree, filter);
  return Array.from({ length: rows.length }, (_, index) => rows.at(index) as TreeRow);
}

/** A small deterministic generator, so a failing tree can be rebuilt from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// Names meant to trip key encoding and matching: separators of the key format, digits, case, non-ASCII.
const NAMES = ['orders', 'Order_Items', 'customers', 'a:1/b', '#loading', 'x/y:z', '12:ab/', 'ÉTÉ', 'été', 'id', 'email', 'big_orders', 'ORDERS_2024', ''];
const KINDS: SchemaNodeKind[] = ['schema', 'group', 'table', 'view', 'column'];

interface RandomTree {
  tree: SchemaTree;
  /** Paths of every node with children, loaded or not. */
  parents: PathSegment[][];
}

/** A tree three levels deep with loading, failed, empty and stale parts, and some nodes expanded. */
function randomTree(seed: number): RandomTree {
  const next = random(seed);
  const tree: SchemaTree = { children: {}, expanded: {} };
  const parents: PathSegment[][] = [];
  const fill = (path: PathSegment[], depth: number) => {
    const key = pathKey(path);
    const roll = next();
    if (depth > 0 && roll < 0.15) return; // never loaded
    if (depth > 0 && roll < 0.22) {
      tree.children[key] = { status: 'error', nodes: [], error: `could not list ${key}` };
      return;
    }
    const taken = new Set<string>();
    const nodes: SchemaChild[] = [];
    const count = depth === 0 ? 4 : Math.floor(next() * 9);
    for (let i = 0; i < count; i++) {
      const kind = KINDS[Math.floor(next() * KINDS.length)] as SchemaNodeKind;
      const name = NAMES[Math.floor(next() * NAMES.length)] as string;
      if (taken.has(`${kind}/${name}`)) continue;
      taken.add(`${kind}/${name}`);
      nodes.push({ kind, name, hasChildren: depth < 3 && next() < 0.7, ...(next() < 0.3 ? { detail: 'text' } : {}) });
    }
    const status = depth > 0 && next() < 0.1 ? 'loading' : 'loaded';
    tree.children[key] = { status, nodes: status === 'loading' && next() < 0.5 ? [] : nodes, error: null };
    for (const node of tree.children[key].nodes) {
      if (!node.hasChildren) continue;
      const child = childPath(path, node);
      parents.push(child);
      if (next() < 0.65) tree.expanded[pathKey(child)] = true;
      fill(child, depth + 1);
    }
  };
  fill([], 0);
  // Left behind by a refresh: state for a node that is no longer listed.
  const gone = pathKey([{ kind: 'table', name: 'dropped_orders' }]);
  tree.children[gone] = { status: 'loaded', nodes: [{ kind: 'column', name: 'orders_id', hasChildren: false }], error: null };
  tree.expanded[gone] = true;
  return { tree, parents };
}

const FILTERS = ['', 'o', 'or', 'ord', 'orde', 'order', 'orders', 'order', 'ord', 'e', 'ét', 'ÉT', ':', '/', '#', 'a:1/', '1', '12', '  Orders  ', 'no such name', ''];

describe('rows built on demand', () => {
  it('equal a full rebuild for varied trees, through a typed, narrowed, widened and cleared filter', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { tree } = randomTree(seed);
      for (const filter of FILTERS) expect(allRows(tree, filter), `seed ${seed}, filter "${filter}"`).toEqual(fullRebuild(tree, filter));
    }
  });

  it('equal a full rebuild after every expand and collapse, with the loaded children reused', () => {
    for (let seed = 100; seed < 130; seed++) {
      const { tree, parents } = randomTree(seed);
      const next = random(seed);
      let current = tree;
      for (let step = 0; step < 25; step++) {
        const key = pathKey(parents[Math.floor(next() * parents.length)] ?? []);
        const expanded = { ...current.expanded };
        if (expanded[key]) delete expanded[key];
        else expanded[key] = true;
        current = { children: current.children, expanded };
        const filter = step % 3 === 0 ? 'or' : '';
        expect(allRows(current, filter), `seed ${seed}, step ${step}`).toEqual(fullRebuild(current, filter));
      }
    }
  });

  it('shows a large group as one run of rows, and rows after an expanded child at the right place', () => {
    const group: PathSegment[] = [{ kind: 'group', name: 'tables' }];
    const tables: SchemaChild[] = Array.from({ length: 5000 }, (_, i) => ({ kind: 'table', name: `t${String(i).padStart(4, '0')}`, hasChildren: true }));
    const opened = childPath(group, tables[2500] as SchemaChild);
    const tree: SchemaTree = {
      children: {
        [ROOT_KEY]: { status: 'loaded', nodes: [{ kind: 'group', name: 'tables', hasChildren: true }], error: null },
        [pathKey(group)]: { status: 'loaded', nodes: tables, error: null },
        [pathKey(opened)]: { status: 'loaded', nodes: [{ kind: 'column', name: 'id', hasChildren: false }], error: null },
      },
      expanded: { [pathKey(group)]: true, [pathKey(opened)]: true },
    };
    const rows = visibleRows(tree, '');
    expect(rows.length).toBe(1 + 5000 + 1);
    expect(rows.at(2502)).toMatchObject({ type: 'node', level: 3, node: { name: 'id' } });
    expect(rows.at(2503)).toMatchObject({ node: { name: 't2501' }, posInSet: 2502, setSize: 5000 });
    expect(rows.at(rows.length - 1)).toMatchObject({ node: { name: 't4999' } });
    expect(rows.at(rows.length)).toBeUndefined();
    expect(allRows(tree, '')).toEqual(fullRebuild(tree, ''));
    expect(allRows(tree, 't24')).toEqual(fullRebuild(tree, 't24'));
    expect(allRows(tree, 'id')).toEqual(fullRebuild(tree, 'id'));
  });

  it('finds each row by its key, and nothing for a key not shown', () => {
    for (let seed = 200; seed < 220; seed++) {
      const { tree } = randomTree(seed);
      for (const filter of ['', 'or']) {
        const rows = visibleRows(tree, filter);
        for (let index = 0; index < rows.length; index++) expect(rows.indexOfKey((rows.at(index) as TreeRow).key)).toBe(index);
      }
      expect(visibleRows(tree, '').indexOfKey(pathKey([{ kind: 'table', name: 'not in this tree' }]))).toBe(-1);
      expect(visibleRows(tree, '').indexOfKey(ROOT_KEY)).toBe(-1);
    }
  });

  it('finds the next node row for type-ahead from a position, wrapping round to the top', () => {
    const startsWithO = (node: SchemaChild) => node.name.toLowerCase().startsWith('o');
    let checked = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { tree } = randomTree(seed);
      const rows = allRows(tree, '');
      const view = visibleRows(tree, '');
      const expected = rows.flatMap((row, index) => (row.type === 'node' && startsWithO(row.node) ? [index] : []));
      for (let from = 0; from < rows.length; from++) {
        expect(view.findNodeIndex(from, startsWithO), `seed ${seed}, from ${from}`).toBe(expected.find((index) => index >= from) ?? expected[0] ?? -1);
      }
      if (expected.length > 1) checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('keys', () => {
  it('take apart into the parent key and the last segment, whatever the names hold', () => {
    const path: PathSegment[] = [
      { kind: 'database', name: 'a:1/b' },
      { kind: 'schema', name: '12:ab/' },
      { kind: 'table', name: '' },
      { kind: 'column', name: 'x/y:z#loading' },
    ];
    for (let depth = 1; depth <= path.length; depth++) {
      const last = path[depth - 1] as PathSegment;
      expect(splitKey(pathKey(path.slice(0, depth)))).toEqual({ parentKey: pathKey(path.slice(0, depth - 1)), kind: last.kind, name: last.name });
    }
    expect(splitKey(ROOT_KEY)).toBeNull();
    expect(splitKey(`${pathKey(path)}#loading`)).toBeNull();
  });
});

describe('sibling lookups', () => {
  const siblings: SchemaChild[] = [
    { kind: 'table', name: 'Orders', hasChildren: true },
    { kind: 'view', name: 'orders', hasChildren: true },
    { kind: 'table', name: 'order_items', hasChildren: true },
    { kind: 'table', name: 'customers', hasChildren: true },
    { kind: 'table', name: 'ORDERS_2024', hasChildren: true },
  ];

  it('match case-insensitively, the same when a longer filter narrows an earlier result as when scanned afresh', () => {
    const scan = (needle: string) => siblings.flatMap((node, index) => (node.name.toLowerCase().includes(needle) ? [index] : []));
    const typed = ['orders', 'ord', 'o', 'or', 'orders_', 'rders_2', 'cust', 'zzz', 'orders'];
    const list = [...siblings];
    for (const needle of typed) expect([...matchingPositions(list, needle)], needle).toEqual(scan(needle));
  });

  it('find children by kind and name, telling apart a table and a view of the same name', () => {
    const list = [...siblings];
    const wanted = [
      { kind: 'view' as const, name: 'orders' },
      { kind: 'table' as const, name: 'orders' },
      { kind: 'table' as const, name: 'Orders' },
      { kind: 'table' as const, name: 'customers' },
      { kind: 'table' as const, name: 'customers' },
    ];
    expect(positionsOf(list, wanted)).toEqual([1, -1, 0, 3, 3]);
    expect(positionsOf(list, wanted)).toEqual([1, -1, 0, 3, 3]);
  });

  it('list a node’s expanded children that are still loaded, as paths', () => {
    const parent: PathSegment[] = [{ kind: 'group', name: 'tables' }];
    const tree: SchemaTree = {
      children: { [pathKey(parent)]: { status: 'loaded', nodes: [...siblings], error: null } },
      expanded: {
        [pathKey(parent)]: true,
        [pathKey([...parent, { kind: 'table', name: 'customers' }])]: true,
        [pathKey([...parent, { kind: 'table', name: 'dropped' }])]: true,
        [pathKey([{ kind: 'table', name: 'customers' }])]: true,
      },
    };
    expect(expandedChildPaths(tree, parent, pathKey(parent))).toEqual([[...parent, { kind: 'table', name: 'customers' }]]);
  });
});
