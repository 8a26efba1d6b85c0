import { create } from 'zustand';
import { createConnectionsSlice, type ConnectionsSlice } from './connections-slice';
import { createExplainSlice, type ExplainSlice } from './explain-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createRunsSlice, type RunsSlice } from './runs-slice';
import { createSchemaSlice, type SchemaSlice } from './schema-slice';
import { createTableDataSlice, type TableDataSlice } from './table-data-slice';
import { createTabsSlice, type TabsSlice } from './tabs-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createVaultSlice, type VaultSlice } from './vault-slice';

export type StoreState = UiSlice & ConnectionsSlice & SchemaSlice & VaultSlice & TabsSlice & RunsSlice & ExplainSlice & HistorySlice & TableDataSlice;

/** The renderer's one store, assembled from slices (zustand's slices pattern). Result rows live outside it. */
export const useStore = create<StoreState>()((...a) => ({
  ...createUiSlice(...a),
  ...createConnectionsSlice(...a),
  ...createSchemaSlice(...a),
  ...createVaultSlice(...a),
  ...createTabsSlice(...a),
  ...createRunsSlice(...a),
  ...createExplainSlice(...a),
  ...createHistorySlice(...a),
  ...createTableDataSlice(...a),
}));
