import type { StateCreator } from 'zustand';
import { childPath, fromChildList, type PathSegment, type SchemaChild } from '../../shared/model/schema';
import { api } from '../bridge';
import { pathKey, ROOT_KEY } from '../features/schema-tree/tree-keys';
import { EMPTY_TREE, expandedChildPaths, reachableKeys, type ChildrenState, type SchemaTree } from '../features/schema-tree/tree-model';
import type { StoreState } from './index';

export interface SchemaSlice {
  /** Each connection's lazily loaded tree. */
  schemaTrees: Record<string, SchemaTree>;
  /** Loads the root's children unless they are loaded or loading, then opens the way to the user's tables. */
  loadRoot: (connectionId: string) => Promise<void>;
  loadChildren: (connectionId: string, path: PathSegment[], refresh?: boolean) => Promise<void>;
  /** Expanding loads the children the first time (or after an error). */
  setNodeExpanded: (connectionId: string, path: PathSegment[], expanded: boolean) => void;
  /** Reloads the root and every expanded node from the server (refresh: true), dropping what vanished. */
  refreshSchema: (connectionId: string) => Promise<void>;
  clearSchema: (connectionId: string) => void;
}

/** Only the newest request for a node may write its result; clearing a tree starts a new generation. */
const latestRequest = new Map<string, number>();
const generations = new Map<string, number>();
let requestCounter = 0;

export const createSchemaSlice: StateCreator<StoreState, [], [], SchemaSlice> = (set, get) => {
  const updateTree = (connectionId: string, update: (tree: SchemaTree) => SchemaTree) =>
    set((state) => ({ schemaTrees: { ...state.schemaTrees, [connectionId]: update(state.schemaTrees[connectionId] ?? EMPTY_TREE) } }));

  const setChildren = (connectionId: string, key: string, children: ChildrenState) =>
    updateTree(connectionId, (tree) => ({ ...tree, children: { ...tree.children, [key]: children } }));

  const markExpanded = (connectionId: string, path: PathSegment[], expanded: boolean) =>
    updateTree(connectionId, (tree) => {
      const key = pathKey(path);
      if (expanded === (tree.expanded[key] === true)) return tree;
      const next = { ...tree.expanded };
      if (expanded) next[key] = true;
      else delete next[key];
      return { ...tree, expanded: next };
    });

  const treeOf = (connectionId: string): SchemaTree => get().schemaTrees[connectionId] ?? EMPTY_TREE;

  /**
   * Walks down from the root to where the user's tables are: the profile's database (or the only root
   * node), then the public (or only) schema, then the tables group — each only when it is there.
   */
  const expandToTables = async (connectionId: string) => {
    const profile = get().connections.find((c) => c.id === connectionId);
    const pick = (nodes: SchemaChild[]): SchemaChild | undefined => {
      const expandable = nodes.filter((n) => n.hasChildren);
      const schemas = expandable.filter((n) => n.kind === 'schema');
      return (
        expandable.find((n) => n.kind === 'database' && profile !== undefined && n.name === profile.database) ??
        (nodes.length === 1 ? expandable[0] : undefined) ??
        schemas.find((n) => n.name === 'public') ??
        (schemas.length === 1 ? schemas[0] : undefined) ??
        expandable.find((n) => n.kind === 'group' && n.name === 'tables')
      );
    };
    let path: PathSegment[] = [];
    for (let depth = 0; depth < 3; depth++) {
      const children = treeOf(connectionId).children[pathKey(path)];
      if (!children || children.status !== 'loaded') return;
      const target = pick(children.nodes);
      if (!target) return;
      const targetPath = childPath(path, target);
      markExpanded(connectionId, targetPath, true);
      await get().loadChildren(connectionId, targetPath);
      path = targetPath;
    }
  };

  return {
    schemaTrees: {},

    loadRoot: async (connectionId) => {
      const root = treeOf(connectionId).children[ROOT_KEY];
      if (root && root.status !== 'error') return;
      await get().loadChildren(connectionId, []);
      await expandToTables(connectionId);
    },

    loadChildren: async (connectionId, path, refresh = false) => {
      const key = pathKey(path);
      const requestKey = `${connectionId}\u0000${key}`;
      const request = ++requestCounter;
      const generation = generations.get(connectionId) ?? 0;
      latestRequest.set(requestKey, request);
      const isCurrent = () => latestRequest.get(requestKey) === request && (generations.get(connectionId) ?? 0) === generation;

      const previous = treeOf(connectionId).children[key];
      setChildren(connectionId, key, { status: 'loading', nodes: previous?.nodes ?? [], error: null });

      const opened = await get().ensureConnectionOpen(connectionId);
      if (!isCurrent()) return;
      if (!opened) {
        const message = get().connectionStatus[connectionId]?.message ?? 'Not connected.';
        setChildren(connectionId, key, { status: 'error', nodes: [], error: message });
        return;
      }
      try {
        const nodes = fromChildList(await api.invoke('schema/children', { connectionId, path, refresh: refresh || undefined }));
        if (isCurrent()) setChildren(connectionId, key, { status: 'loaded', nodes, error: null });
      } catch (error) {
        if (isCurrent()) setChildren(connectionId, key, { status: 'error', nodes: [], error: (error as Error).message });
      } finally {
        if (latestRequest.get(requestKey) === request) latestRequest.delete(requestKey);
      }
    },

    setNodeExpanded: (connectionId, path, expanded) => {
      markExpanded(connectionId, path, expanded);
      const children = treeOf(connectionId).children[pathKey(path)];
      if (expanded && (!children || children.status === 'error')) void get().loadChildren(connectionId, path);
    },

    refreshSchema: async (connectionId) => {
      const walk = async (path: PathSegment[]): Promise<void> => {
        await get().loadChildren(connectionId, path, true);
        const tree = treeOf(connectionId);
        const key = pathKey(path);
        if (tree.children[key]?.status !== 'loaded') return;
        await Promise.all(expandedChildPaths(tree, path, key).map(walk));
      };
      await walk([]);
      updateTree(connectionId, (tree) => {
        const keep = reachableKeys(tree);
        const children = Object.fromEntries(Object.entries(tree.children).filter(([key]) => keep.has(key)));
        const expanded = Object.fromEntries(Object.entries(tree.expanded).filter(([key]) => keep.has(key))) as Record<string, true>;
        return { children, expanded };
      });
    },

    clearSchema: (connectionId) => {
      generations.set(connectionId, (generations.get(connectionId) ?? 0) + 1);
      set((state) => {
        if (!(connectionId in state.schemaTrees)) return {};
        const schemaTrees = { ...state.schemaTrees };
        delete schemaTrees[connectionId];
        return { schemaTrees };
      });
    },
  };
};
