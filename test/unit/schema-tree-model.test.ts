import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../shared/model/capabilities';
import { fromChildList, toChildList, type PathSegment, type SchemaChild, type SchemaNode, type SchemaNodeKind } from '../../shared/model/schema';
import { canOpenData, objectNameParts, selectAllSql } from '../../renderer/features/schema-tree/open-data';
import { pathKey, ROOT_KEY } from '../../renderer/features/schema-tree/tree-keys';
import { reachableKeys, rowPath, type SchemaTree, type TreeRow } from '../../renderer/features/schema-tree/tree-model';
import { visibleRows } from '../../renderer/features/schema-tree/visible-rows';

function node(parent: PathSegment[], kind: SchemaNodeKind, name: string, hasChildren = true, detail?: string): SchemaNode {
  const path = [...parent, { kind, name }];
  return { kind, name, path, hasChildren, ...(detail ? { detail } : {}) };
}

/** What schema/children sends: the child without its path. */
const lean = (...nodes: SchemaNode[]): SchemaChild[] =>
  nodes.map(({ kind, name, hasChildren, detail }) => ({ kind, name, hasChildren, ...(detail ? { detail } : {}) }));

// A SQLite-shaped tree: groups → tables → columns.
const tablesGroup = node([], 'group', 'tables');
const viewsGroup = node([], 'group', 'views');
const customers = node(tablesGroup.path, 'table', 'customers');
const orders = node(tablesGroup.path, 'table', 'orders');
const customerId = node(customers.path, 'column', 'id', false, 'INTEGER PK');
const customerEmail = node(customers.path, 'column', 'email', false, 'TEXT');
const bigOrders = node(viewsGroup.path, 'view', 'big_orders');

function loadedTree(expanded: SchemaNode[]): SchemaTree {
  return {
    children: {
      [ROOT_KEY]: { status: 'loaded', nodes: lean(tablesGroup, viewsGroup), error: null },
      [pathKey(tablesGroup.path)]: { status: 'loaded', nodes: lean(customers, orders), error: null },
      [pathKey(customers.path)]: { status: 'loaded', nodes: lean(customerId, customerEmail), error: null },
      [pathKey(viewsGroup.path)]: { status: 'loaded', nodes: lean(bigOrders), error: null },
    },
    expanded: Object.fromEntries(expanded.map((n) => [pathKey(n.path), true as const])),
  };
}

/** Every visible row, built one by one as the tree view asks for them. */
function flattenTree(tree: SchemaTree, filter: string): TreeRow[] {
  const rows = visibleRows(tree, filter);
  return Array.from({ length: rows.length }, (_, index) => rows.at(index) as TreeRow);
}

const names = (tree: SchemaTree, filter = '') => flattenTree(tree, filter).map((row) => (row.type === 'node' ? `${row.level}:${row.node.name}` : `${row.level}:<${row.type}>`));

describe('visibleRows', () => {
  it('lists only the children of expanded nodes, depth first, with levels', () => {
    expect(names(loadedTree([]))).toEqual(['1:tables', '1:views']);
    expect(names(loadedTree([tablesGroup, customers]))).toEqual(['1:tables', '2:customers', '3:id', '3:email', '2:orders', '1:views']);
  });

  it('gives every node row its full path, built from its parent path', () => {
    const rows = flattenTree(loadedTree([tablesGroup, customers]), '');
    const paths = rows.flatMap((row) => (row.type === 'node' ? [rowPath(row)] : []));
    expect(paths).toEqual([tablesGroup.path, customers.path, customerId.path, customerEmail.path, orders.path, viewsGroup.path]);
    const filtered = flattenTree(loadedTree([]), 'email').flatMap((row) => (row.type === 'node' ? [rowPath(row)] : []));
    expect(filtered.at(-1)).toEqual(customerEmail.path);
  });

  it('reports position in set and expanded state for assistive technology', () => {
    const rows = flattenTree(loadedTree([tablesGroup]), '');
    const orderRow = rows.find((r) => r.type === 'node' && r.node.name === 'orders');
    expect(orderRow).toMatchObject({ setSize: 2, posInSet: 2, expanded: false, level: 2 });
    expect(rows[0]).toMatchObject({ expanded: true });
  });

  it('shows a loading row under an expanded node whose children are not there yet, and an error row with the message', () => {
    const tree = loadedTree([viewsGroup]);
    tree.children[pathKey(viewsGroup.path)] = { status: 'loading', nodes: [], error: null };
    expect(names(tree)).toEqual(['1:tables', '1:views', '2:<loading>']);
    tree.children[pathKey(viewsGroup.path)] = { status: 'error', nodes: [], error: 'permission denied for schema x' };
    const rows = flattenTree(tree, '');
    expect(rows.at(-1)).toMatchObject({ type: 'error', message: 'permission denied for schema x', parentPath: viewsGroup.path });
  });

  it('keeps the old children visible while a refresh is loading', () => {
    const tree = loadedTree([tablesGroup]);
    tree.children[pathKey(tablesGroup.path)] = { status: 'loading', nodes: lean(customers, orders), error: null };
    expect(names(tree)).toEqual(['1:tables', '2:customers', '2:orders', '1:views']);
    expect(flattenTree(tree, '')[0]).toMatchObject({ loading: true });
  });

  it('says so when an expanded node has no children', () => {
    const tree = loadedTree([viewsGroup]);
    tree.children[pathKey(viewsGroup.path)] = { status: 'loaded', nodes: [], error: null };
    expect(names(tree)).toEqual(['1:tables', '1:views', '2:<empty>']);
  });

  it('filters loaded nodes case-insensitively, keeping and opening the ancestors of matches, even collapsed ones', () => {
    expect(names(loadedTree([]), 'EMAIL')).toEqual(['1:tables', '2:customers', '3:email']);
    expect(names(loadedTree([]), 'orders')).toEqual(['1:tables', '2:orders', '1:views', '2:big_orders']);
  });

  it('shows a matching node with its subtree as the user expanded it', () => {
    expect(names(loadedTree([tablesGroup, customers]), 'custom')).toEqual(['1:tables', '2:customers', '3:id', '3:email']);
    expect(names(loadedTree([tablesGroup]), 'custom')).toEqual(['1:tables', '2:customers']);
  });

  it('returns nothing when no loaded node matches', () => {
    expect(names(loadedTree([tablesGroup]), 'nothing-like-this')).toEqual([]);
  });

  it('treats hostile names as plain text', () => {
    const tree = loadedTree([tablesGroup]);
    const evil = node(tablesGroup.path, 'table', '<img src=x onerror=alert(1)>');
    tree.children[pathKey(tablesGroup.path)] = { status: 'loaded', nodes: lean(evil), error: null };
    expect(names(tree, '<img')).toEqual(['1:tables', '2:<img src=x onerror=alert(1)>']);
  });
});

describe('reachableKeys', () => {
  it('keeps the root and expanded nodes under expanded parents only', () => {
    const tree = loadedTree([tablesGroup, customers, viewsGroup]);
    expect([...reachableKeys(tree)].sort()).toEqual([ROOT_KEY, pathKey(tablesGroup.path), pathKey(customers.path), pathKey(viewsGroup.path)].sort());
    const collapsedParent = loadedTree([customers]);
    expect([...reachableKeys(collapsedParent)]).toEqual([ROOT_KEY]);
  });
});

const sqlCapabilities = (databases: boolean, schemas: boolean): Capabilities => ({
  kind: 'sql',
  cancel: true,
  transactions: true,
  explain: true,
  databases,
  schemas,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: true,
  ssl: true,
});

describe('open data', () => {
  const pgPath: PathSegment[] = [
    { kind: 'database', name: 'shop' },
    { kind: 'schema', name: 'Sales' },
    { kind: 'group', name: 'tables' },
    { kind: 'table', name: 'order "items"' },
  ];

  it('qualifies PostgreSQL tables by schema and drops the database and group', () => {
    expect(objectNameParts(pgPath, sqlCapabilities(true, true))).toEqual(['Sales', 'order "items"']);
    expect(selectAllSql('postgres', sqlCapabilities(true, true), pgPath)).toBe('SELECT * FROM "Sales"."order ""items""" LIMIT 1000');
  });

  it('qualifies MySQL tables by database, where databases are schemas', () => {
    const path: PathSegment[] = [
      { kind: 'database', name: 'shop' },
      { kind: 'group', name: 'tables' },
      { kind: 'table', name: 'we`ird' },
    ];
    expect(selectAllSql('mysql', sqlCapabilities(true, false), path)).toBe('SELECT * FROM `shop`.`we``ird` LIMIT 1000');
  });

  it('uses the bare quoted name for SQLite', () => {
    expect(selectAllSql('sqlite', sqlCapabilities(false, false), customers.path)).toBe('SELECT * FROM "customers" LIMIT 1000');
  });

  it('opens data only for tables and views of SQL engines', () => {
    const caps = sqlCapabilities(false, false);
    expect(canOpenData(customers, caps)).toBe(true);
    expect(canOpenData(bigOrders, caps)).toBe(true);
    expect(canOpenData(customerId, caps)).toBe(false);
    expect(canOpenData(tablesGroup, caps)).toBe(false);
    expect(canOpenData(customers, { ...caps, kind: 'document' })).toBe(false);
    expect(canOpenData(customers, undefined)).toBe(false);
  });
});

describe('the schema/children reply', () => {
  it('carries children as columns without paths, and decodes back to the same children', () => {
    const children = lean(customerId, customerEmail, tablesGroup);
    const list = toChildList([customerId, customerEmail, tablesGroup]);
    expect(list).toEqual({ kinds: ['column', 'column', 'group'], names: ['id', 'email', 'tables'], hasChildren: [false, false, true], details: ['INTEGER PK', 'TEXT', null] });
    expect(JSON.stringify(list)).not.toContain('path');
    expect(fromChildList(JSON.parse(JSON.stringify(list)) as typeof list)).toStrictEqual(children);
  });
});
