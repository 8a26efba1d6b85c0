import type { StateCreator } from 'zustand';
import type { StrataError } from '../../shared/errors';
import type { Plan } from '../../shared/explain/plan';
import { api } from '../bridge';
import type { StoreState } from './index';
import { toStrataError, type RunTarget } from './runs-slice';

/** A tab's latest EXPLAIN: asked for, answered with a plan, or refused with an error. */
export type TabPlan =
  | { status: 'running'; requestId: number; analyze: boolean; sql: string }
  | { status: 'done'; requestId: number; analyze: boolean; sql: string; plan: Plan }
  | { status: 'error'; requestId: number; analyze: boolean; sql: string; error: StrataError };

export interface ExplainSlice {
  plans: Record<string, TabPlan>;
  /** Whether the tab's results panel shows its plan rather than its run's results. */
  planShown: Record<string, boolean>;
  explainTab: (tabId: string, target: RunTarget, analyze: boolean) => Promise<void>;
  showPlan: (tabId: string, shown: boolean) => void;
}

let nextRequestId = 1;

export const createExplainSlice: StateCreator<StoreState, [], [], ExplainSlice> = (set, get) => {
  function settle(tabId: string, requestId: number, change: (plan: TabPlan) => TabPlan): void {
    set((state) => {
      const current = state.plans[tabId];
      if (!current || current.requestId !== requestId) return {};
      return { plans: { ...state.plans, [tabId]: change(current) } };
    });
  }

  return {
    plans: {},
    planShown: {},

    explainTab: async (tabId, target, analyze) => {
      const tab = get().tabs.find((t) => t.id === tabId);
      if (!tab) return;
      const connectionId = tab.connectionId ?? get().activeConnectionId;
      if (!connectionId) {
        get().notify({ kind: 'info', title: 'Choose a connection first', message: 'Pick the connection for this tab in the toolbar, then explain again.' });
        return;
      }
      const sql = target.sql.trim();
      if (!sql) {
        get().notify({ kind: 'info', title: 'Nothing to explain', message: 'Put the cursor in a statement, or select one, first.' });
        return;
      }
      const requestId = nextRequestId++;
      set((state) => ({
        plans: { ...state.plans, [tabId]: { status: 'running', requestId, analyze, sql } },
        planShown: { ...state.planShown, [tabId]: true },
      }));
      if (!(await get().ensureConnectionOpen(connectionId))) {
        settle(tabId, requestId, (plan) => ({ ...plan, status: 'error', error: { code: 'CONNECTION', message: 'The connection could not be opened.' } }));
        return;
      }
      try {
        const plan = await api.invoke('query/explain', { connectionId, sql: target.sql, analyze });
        settle(tabId, requestId, (current) => ({ status: 'done', requestId, analyze: current.analyze, sql: current.sql, plan }));
      } catch (error) {
        settle(tabId, requestId, (current) => ({ status: 'error', requestId, analyze: current.analyze, sql: current.sql, error: toStrataError(error) }));
      }
    },

    showPlan: (tabId, shown) => set((state) => ({ planShown: { ...state.planShown, [tabId]: shown } })),
  };
};
