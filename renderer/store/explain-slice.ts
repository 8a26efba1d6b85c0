import type { StateCreator } from 'zustand';
import type { StrataError } from '../../shared/errors';
import type { Plan } from '../../shared/explain/plan';
import { api } from '../bridge';
import type { StoreState } from './index';
import { toStrataError, type RunTarget } from './runs-slice';

interface PlanRequest {
  requestId: number;
  /** The id the host knows this EXPLAIN by, for query/explain-cancel. */
  explainId: string;
  analyze: boolean;
  sql: string;
}

/** A tab's latest EXPLAIN: asked for, answered with a plan, refused with an error, or cancelled. */
export type TabPlan =
  | (PlanRequest & { status: 'running'; cancelRequested: boolean })
  | (PlanRequest & { status: 'done'; plan: Plan })
  | (PlanRequest & { status: 'error'; error: StrataError })
  | (PlanRequest & { status: 'cancelled' });

export interface ExplainSlice {
  plans: Record<string, TabPlan>;
  /** Whether the tab's results panel shows its plan rather than its run's results. */
  planShown: Record<string, boolean>;
  explainTab: (tabId: string, target: RunTarget, analyze: boolean) => Promise<void>;
  /** Stops the tab's running EXPLAIN, on the server too once the host has it. */
  cancelExplain: (tabId: string) => Promise<void>;
  showPlan: (tabId: string, shown: boolean) => void;
}

let nextRequestId = 1;
/** Requests sent to the host: only those can be cancelled there. */
const atHost = new Set<number>();

export const createExplainSlice: StateCreator<StoreState, [], [], ExplainSlice> = (set, get, store) => {
  function settle(tabId: string, requestId: number, change: (plan: TabPlan) => TabPlan): void {
    set((state) => {
      const current = state.plans[tabId];
      if (!current || current.requestId !== requestId) return {};
      return { plans: { ...state.plans, [tabId]: change(current) } };
    });
  }

  const isRunning = (tabId: string, requestId: number) => {
    const plan = get().plans[tabId];
    return plan?.requestId === requestId && plan.status === 'running';
  };

  // A closed tab's EXPLAIN ANALYZE would otherwise keep running on the server with nobody to see it.
  store.subscribe((state, previous) => {
    if (state.tabs === previous.tabs) return;
    const open = new Set(state.tabs.map((tab) => tab.id));
    for (const [tabId, plan] of Object.entries(state.plans)) {
      if (!open.has(tabId) && plan.status === 'running') void get().cancelExplain(tabId);
    }
  });

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
      const previous = get().plans[tabId];
      if (previous?.status === 'running') void get().cancelExplain(tabId);
      const requestId = nextRequestId++;
      const explainId = `explain-${crypto.randomUUID()}`;
      set((state) => ({
        plans: { ...state.plans, [tabId]: { status: 'running', requestId, explainId, analyze, sql, cancelRequested: false } },
        planShown: { ...state.planShown, [tabId]: true },
      }));
      if (!(await get().ensureConnectionOpen(connectionId))) {
        settle(tabId, requestId, (plan) => ({ ...plan, status: 'error', error: { code: 'CONNECTION', message: 'The connection could not be opened.' } }));
        return;
      }
      // Cancelled, or replaced by another EXPLAIN, while the connection was opening.
      if (!isRunning(tabId, requestId)) return;
      atHost.add(requestId);
      try {
        const plan = await api.invoke('query/explain', { connectionId, sql: target.sql, analyze, explainId });
        settle(tabId, requestId, (current) => ({ ...request(current), status: 'done', plan }));
      } catch (error) {
        const failure = toStrataError(error);
        settle(tabId, requestId, (current) =>
          failure.code === 'CANCELLED' ? { ...request(current), status: 'cancelled' } : { ...request(current), status: 'error', error: failure },
        );
      } finally {
        atHost.delete(requestId);
      }
    },

    cancelExplain: async (tabId) => {
      const plan = get().plans[tabId];
      if (!plan || plan.status !== 'running' || plan.cancelRequested) return;
      const { requestId, explainId } = plan;
      if (!atHost.has(requestId)) {
        settle(tabId, requestId, (current) => ({ ...request(current), status: 'cancelled' }));
        return;
      }
      settle(tabId, requestId, (current) => (current.status === 'running' ? { ...current, cancelRequested: true } : current));
      try {
        // When the host no longer has it, query/explain itself is about to answer: that answer settles the plan.
        await api.invoke('query/explain-cancel', { explainId });
      } catch (error) {
        settle(tabId, requestId, (current) => (current.status === 'running' ? { ...current, cancelRequested: false } : current));
        get().notify({ kind: 'error', title: 'Could not cancel the EXPLAIN', message: toStrataError(error).message });
      }
    },

    showPlan: (tabId, shown) => set((state) => ({ planShown: { ...state.planShown, [tabId]: shown } })),
  };
};

function request(plan: TabPlan): PlanRequest {
  return { requestId: plan.requestId, explainId: plan.explainId, analyze: plan.analyze, sql: plan.sql };
}
