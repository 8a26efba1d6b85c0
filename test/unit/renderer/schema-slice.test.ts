import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { toChildList, type PathSegment, type SchemaChild } from '../../../shared/model/schema';

/** The host as the bridge sees it: the children it lists, by path key. */
const host = vi.hoisted(() => ({
  listings: new Map<string, unknown>(),
  asked: [] as { path: unknown; refresh: unknown }[],
}));

vi.mock('../../../renderer/bridge', () => ({
  api: {
    invoke: async (channel: string, input: { path: unknown; refresh?: unknown }) => {
      if (channel !== 'schema/children') throw new Error(`unexpected channel ${channel}`);
      host.asked.push({ path: input.path, refresh: input.refresh });
      const listing = host.listings.get(JSON.stringify(input.path));
      if (!listing) throw new Error('no such node');
      return listing;
    },
    subscribe: () => () => undefined,
  },
}));

const { createSchemaSlice } = await import('../../../renderer/store/schema-slice');
const { pathKey } = await import('../../../renderer/features/schema-tree/tree-keys');
const { visibleRows } = await import('../../../renderer/features/schema-tree/visible-rows');
type StoreState = import('../../../renderer/store').StoreState;
type TreeRow = import('../../../renderer/features/schema-tree/tree-model').TreeRow;

const DB: PathSegment[] = [{ kind: 'database', name: 'shop' }];
const SCHEMA: PathSegment[] = [...DB, { kind: 'schema', name: 'public' }];
const TABLES: PathSegment[] = [...SCHEMA, { kind: 'group', name: 'tables' }];
const tablePath = (name: string): PathSegment[] => [...TABLES, { kind: 'table', name }];

const tables = (count: number): SchemaChild[] => Array.from({ length: count }, (_, i) => ({ kind: 'table', name: `t${String(i).padStart(5, '0')}`, hasChildren: true }));
const columns: SchemaChild[] = [{ kind: 'column', name: 'id', hasChildren: false, detail: 'int4' }];

function list(path: PathSegment[], children: SchemaChild[]) {
  host.listings.set(JSON.stringify(path), toChildList(children));
}

function createTestStore() {
  return create<StoreState>()(
    (...a) =>
      ({
        connections: [{ id: 'pg', database: 'shop' }],
        connectionStatus: {},
        ensureConnectionOpen: async () => ({ id: 'pg' }),
        ...createSchemaSlice(...a),
      }) as unknown as StoreState,
  );
}

const shownNames = (store: ReturnType<typeof createTestStore>) => {
  const rows = visibleRows(store.getState().schemaTrees.pg!, '');
  return Array.from({ length: rows.length }, (_, i) => rows.at(i) as TreeRow).map((row) => (row.type === 'node' ? row.node.name : `<${row.type}>`));
};

describe('schema slice', () => {
  beforeEach(() => {
    host.listings.clear();
    host.asked.length = 0;
    list([], [{ kind: 'database', name: 'shop', hasChildren: true }]);
    list(DB, [{ kind: 'schema', name: 'public', hasChildren: true }]);
    list(SCHEMA, [
      { kind: 'group', name: 'tables', hasChildren: true },
      { kind: 'group', name: 'views', hasChildren: true },
    ]);
  });

  it('opens the way down to a schema’s 20,000 tables and lists them all under the Tables group', async () => {
    list(TABLES, tables(20_000));
    const store = createTestStore();
    await store.getState().loadRoot('pg');
    const tree = store.getState().schemaTrees.pg!;
    expect(tree.children[pathKey(TABLES)]).toMatchObject({ status: 'loaded' });
    expect(tree.children[pathKey(TABLES)]!.nodes).toHaveLength(20_000);
    const rows = visibleRows(tree, '');
    expect(rows.length).toBe(4 + 20_000);
    expect(rows.at(rows.length - 2)).toMatchObject({ type: 'node', level: 4, node: { name: 't19999' }, posInSet: 20_000, setSize: 20_000 });
    expect(rows.at(rows.length - 1)).toMatchObject({ type: 'node', level: 3, node: { name: 'views' }, expanded: false });
  });

  it('refreshes expanded nodes that are still there and drops the state of those that vanished', async () => {
    list(TABLES, tables(3));
    list(tablePath('t00001'), columns);
    list(tablePath('t00002'), columns);
    const store = createTestStore();
    await store.getState().loadRoot('pg');
    store.getState().setNodeExpanded('pg', tablePath('t00001'), true);
    store.getState().setNodeExpanded('pg', tablePath('t00002'), true);
    await vi.waitFor(() => expect(shownNames(store)).toEqual(['shop', 'public', 'tables', 't00000', 't00001', 'id', 't00002', 'id', 'views']));

    // t00002 is dropped and t00003 created; the columns of t00001 change.
    list(TABLES, [...tables(2), { kind: 'table', name: 't00003', hasChildren: true }]);
    list(tablePath('t00001'), [...columns, { kind: 'column', name: 'added', hasChildren: false }]);
    host.asked.length = 0;
    await store.getState().refreshSchema('pg');

    const tree = store.getState().schemaTrees.pg!;
    expect(shownNames(store)).toEqual(['shop', 'public', 'tables', 't00000', 't00001', 'id', 'added', 't00003', 'views']);
    expect(tree.expanded[pathKey(tablePath('t00002'))]).toBeUndefined();
    expect(tree.children[pathKey(tablePath('t00002'))]).toBeUndefined();
    expect(host.asked.map((ask) => ask.path)).toEqual([[], DB, SCHEMA, TABLES, tablePath('t00001')]);
    expect(host.asked.every((ask) => ask.refresh === true)).toBe(true);
  });
});
