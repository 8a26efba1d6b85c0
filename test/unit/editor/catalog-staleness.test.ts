import { describe, expect, it } from 'vitest';
import type { OpenedConnection } from '../../../shared/ipc/contract';
import { emptyDraft, type ConnectionProfile } from '../../../shared/model/connection';
import { catalogMayBeStale, type CatalogSignals } from '../../../renderer/features/editor/completion/catalog-staleness';
import type { ChildrenState, SchemaTree } from '../../../renderer/features/schema-tree/tree-model';

const profile = (id: string, database: string): ConnectionProfile => ({
  ...emptyDraft('postgres'),
  name: id,
  database,
  id,
  hasPassword: false,
  builtIn: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const opened = (id: string) => ({ id, serverVersion: 'PostgreSQL 15' }) as OpenedConnection;
const root = (status: ChildrenState['status']): ChildrenState => ({ status, nodes: [], error: null });
const tree = (rootState: ChildrenState, other: Record<string, ChildrenState> = {}): SchemaTree => ({ children: { '': rootState, ...other }, expanded: {} });

function signals(): CatalogSignals {
  return { opened: { a: opened('a'), b: opened('b') }, connections: [profile('a', 'shop'), profile('b', 'crm')], schemaTrees: { a: tree(root('loaded')), b: tree(root('loaded')) } };
}

describe('catalogMayBeStale', () => {
  it('is false when nothing about the connection changed, even when other connections did', () => {
    const before = signals();
    const after: CatalogSignals = {
      opened: { ...before.opened, b: opened('b') },
      connections: [before.connections[0], profile('b', 'other')],
      schemaTrees: { ...before.schemaTrees, b: tree(root('loading')) },
    };
    expect(catalogMayBeStale(after, before, 'a')).toBe(false);
    expect(catalogMayBeStale(after, before, 'b')).toBe(true);
  });

  it('is true when the connection was closed or opened again', () => {
    const before = signals();
    const { a: _closed, ...rest } = before.opened;
    expect(catalogMayBeStale({ ...before, opened: rest }, before, 'a')).toBe(true);
    expect(catalogMayBeStale({ ...before, opened: { ...before.opened, a: opened('a') } }, before, 'a')).toBe(true);
  });

  it('is true when the profile was edited', () => {
    const before = signals();
    expect(catalogMayBeStale({ ...before, connections: [profile('a', 'elsewhere'), before.connections[1]] }, before, 'a')).toBe(true);
  });

  it('is true when the tree was cleared or its root reloaded, not when a deeper node loaded', () => {
    const before = signals();
    const { a: _cleared, ...otherTrees } = before.schemaTrees;
    expect(catalogMayBeStale({ ...before, schemaTrees: otherTrees }, before, 'a')).toBe(true);
    expect(catalogMayBeStale({ ...before, schemaTrees: { ...before.schemaTrees, a: tree(root('loading')) } }, before, 'a')).toBe(true);
    const deeper = { ...before, schemaTrees: { ...before.schemaTrees, a: tree(before.schemaTrees.a.children[''], { 'database:4:shop/': root('loaded') }) } };
    expect(catalogMayBeStale(deeper, before, 'a')).toBe(false);
  });

  it('is false when the first root load starts (nothing was cached from a tree before)', () => {
    const before: CatalogSignals = { ...signals(), schemaTrees: {} };
    expect(catalogMayBeStale({ ...before, schemaTrees: { a: tree(root('loading')) } }, before, 'a')).toBe(false);
  });
});
