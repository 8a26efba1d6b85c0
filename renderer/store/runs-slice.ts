import type { StateCreator } from 'zustand';
import type { StrataError } from '../../shared/errors';
import { DEFAULT_RUN_WINDOW } from '../../shared/ipc/contract';
import type { QueryEvent } from '../../shared/model/query';
import { api, BridgeError } from '../bridge';
import { resultStore } from '../features/results/app-result-store';
import {
  applyQueryEvent,
  failRunStart,
  finishRun,
  isRunActive,
  startRun,
  type ResultView,
  type TabRun,
} from '../features/results/run-state';
import type { StoreState } from './index';
import { createRunAcks } from './run-acks';
import { confirmRunIfDestructive } from '../features/safety';
import { askParameterValues, parameterNeed, type ParameterValue } from '../features/parameters';

/** Text to run and where it sits in the editor, so that server positions map back to it. */
export interface RunTarget {
  sql: string;
  offset: number;
}

export interface RunsSlice {
  /** The latest run of each tab, by tab id. */
  runs: Record<string, TabRun>;
  /** The result the user picked per tab; absent means the best one (pickResultView). */
  resultViews: Record<string, ResultView>;
  runTab: (tabId: string, target: RunTarget) => Promise<void>;
  cancelRun: (tabId: string) => Promise<void>;
  /** Forgets a tab's run: cancels it if it is still going and frees its rows. */
  discardRun: (tabId: string) => void;
  setResultView: (tabId: string, view: ResultView) => void;
}

/** Batch events the host may send ahead of the result store. */
const RUN_WINDOW = DEFAULT_RUN_WINDOW;
const BYTES_PER_MB = 1024 * 1024;

/** Event subscriptions of the runs still streaming, by runId. */
const subscriptions = new Map<string, () => void>();

/** Grants the host credit for each batch event once it is in the result store (flow control, see query/run). */
const acks = createRunAcks((runId, batches) => {
  if (subscriptions.has(runId)) api.invoke('query/ack', { runId, batches }).catch(() => undefined);
});

/** Runs sent to the host whose results it may still hold (spool files), until they are freed. */
const hostRuns = new Set<string>();

/** Drops a run's rows here and, fire and forget, its spool files in main. */
function freeRunResults(runId: string): void {
  resultStore.freeRun(runId);
  if (!hostRuns.delete(runId)) return;
  api.invoke('query/discard', { runId }).catch(() => undefined);
}

function stopListening(runId: string): void {
  subscriptions.get(runId)?.();
  subscriptions.delete(runId);
  acks.forget(runId);
}

export function toStrataError(error: unknown): StrataError {
  if (error instanceof BridgeError) return { code: error.code, message: error.message, detail: error.detail };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Something went wrong in Strata: ${message}` };
}

export const createRunsSlice: StateCreator<StoreState, [], [], RunsSlice> = (set, get) => {
  /** Changes a tab's run only while it is still the run with this id. */
  function updateRun(tabId: string, runId: string, change: (run: TabRun) => TabRun): void {
    set((state) => {
      const run = state.runs[tabId];
      if (!run || run.runId !== runId) return {};
      const next = change(run);
      return next === run ? {} : { runs: { ...state.runs, [tabId]: next } };
    });
  }

  function isCurrent(tabId: string, runId: string): boolean {
    const run = get().runs[tabId];
    return run?.runId === runId && isRunActive(run);
  }

  function listen(tabId: string, runId: string): void {
    const stop = api.subscribe('query/event', (event: QueryEvent) => {
      if (event.runId !== runId || !subscriptions.has(runId)) return;
      if (event.type === 'batch') {
        resultStore.appendBatch(runId, event.index, event.firstRow, event.batch);
        acks.stored(runId);
        return;
      }
      if (event.type === 'spooled') {
        resultStore.markSpooled(runId, event.index, event.spooledFrom, event.rowCount);
        return;
      }
      if (event.type === 'columns') resultStore.setColumns(runId, event.index, event.columns);
      if (event.type === 'statement-end') resultStore.finishStatement(runId, event.index, event.rowCount);
      updateRun(tabId, runId, (run) => applyQueryEvent(run, event));
      if (event.type === 'run-end') stopListening(runId);
    });
    subscriptions.set(runId, stop);
  }

  function failStart(tabId: string, runId: string, error: StrataError, toast: boolean): void {
    stopListening(runId);
    updateRun(tabId, runId, (run) => failRunStart(run, error, Date.now()));
    if (toast) get().notify({ kind: 'error', title: 'The query could not start', message: error.message });
  }

  return {
    runs: {},
    resultViews: {},

    runTab: async (tabId, target) => {
      const tab = get().tabs.find((t) => t.id === tabId);
      if (!tab) return;
      if (isRunActive(get().runs[tabId])) {
        get().notify({ kind: 'info', title: 'A query is already running in this tab', message: 'Wait for it to finish or cancel it (Esc).' });
        return;
      }
      // A tab without its own connection follows the active one.
      const connectionId = tab.connectionId ?? get().activeConnectionId;
      if (!connectionId) {
        get().notify({ kind: 'info', title: 'Choose a connection first', message: 'Pick the connection for this tab in the toolbar, then run again.' });
        return;
      }
      if (!target.sql.trim()) {
        get().notify({ kind: 'info', title: 'Nothing to run', message: 'Write a statement in the editor first.' });
        return;
      }
      const profile = get().connections.find((c) => c.id === connectionId);
      if (profile && !(await confirmRunIfDestructive(target.sql, profile))) return;
      let params: ParameterValue[] | undefined;
      const need = profile ? parameterNeed(target.sql, profile.engine) : { kind: 'none' as const };
      if (need.kind === 'several-statements') {
        get().notify({
          kind: 'info',
          title: 'Parameters work one statement at a time',
          message: `These ${need.statements} statements use parameters. Put the cursor in one statement and run it alone.`,
        });
        return;
      }
      if (need.kind === 'values') {
        const values = await askParameterValues(tabId, need.names);
        if (!values) return;
        params = values;
      }
      // Another run may have started in this tab while the confirmation or the parameter dialog was open.
      if (isRunActive(get().runs[tabId])) return;

      const previous = get().runs[tabId];
      if (previous) freeRunResults(previous.runId);
      const runId = crypto.randomUUID();
      set((state) => {
        const resultViews = { ...state.resultViews };
        delete resultViews[tabId];
        return {
          runs: { ...state.runs, [tabId]: startRun(runId, connectionId, Date.now()) },
          resultViews,
          planShown: { ...state.planShown, [tabId]: false },
        };
      });

      const opened = await get().ensureConnectionOpen(connectionId);
      if (!isCurrent(tabId, runId)) return;
      if (!opened) {
        failStart(tabId, runId, { code: 'CONNECTION', message: 'The connection is not open, so nothing ran. Open it from the sidebar and run again.' }, false);
        return;
      }
      if (opened.capabilities.kind !== 'sql') {
        failStart(tabId, runId, { code: 'UNSUPPORTED', message: 'This connection is not a SQL database, so the SQL editor cannot run statements on it.' }, true);
        return;
      }
      listen(tabId, runId);
      hostRuns.add(runId);
      try {
        const memoryBudgetBytes = get().resultMemoryMb * BYTES_PER_MB;
        await api.invoke('query/run', {
          connectionId,
          runId,
          sql: target.sql,
          baseOffset: target.offset,
          window: RUN_WINDOW,
          memoryBudgetBytes,
          ...(params ? { params } : {}),
        });
      } catch (error) {
        failStart(tabId, runId, toStrataError(error), true);
      }
    },

    cancelRun: async (tabId) => {
      const run = get().runs[tabId];
      if (!run || !isRunActive(run)) return;
      const { runId } = run;
      updateRun(tabId, runId, (r) => (r.cancelRequested ? r : { ...r, cancelRequested: true }));
      if (!subscriptions.has(runId)) {
        // Still opening the connection: the host has not heard of this run, so stop it here.
        updateRun(tabId, runId, (r) => finishRun(r, 'cancelled', Date.now()));
        return;
      }
      try {
        const { cancelled } = await api.invoke('query/cancel', { runId });
        // The host no longer knows the run (it ended, or the host restarted): nothing more will come.
        if (!cancelled && isCurrent(tabId, runId)) {
          stopListening(runId);
          updateRun(tabId, runId, (r) => finishRun(r, 'cancelled', Date.now()));
        }
      } catch (error) {
        get().notify({ kind: 'error', title: 'Could not cancel the query', message: toStrataError(error).message });
      }
    },

    discardRun: (tabId) => {
      const run = get().runs[tabId];
      if (!run) return;
      if (isRunActive(run) && subscriptions.has(run.runId)) {
        api.invoke('query/cancel', { runId: run.runId }).catch(() => undefined);
      }
      stopListening(run.runId);
      freeRunResults(run.runId);
      set((state) => {
        const runs = { ...state.runs };
        const resultViews = { ...state.resultViews };
        delete runs[tabId];
        delete resultViews[tabId];
        return { runs, resultViews };
      });
    },

    setResultView: (tabId, view) => set((state) => ({ resultViews: { ...state.resultViews, [tabId]: view } })),
  };
};
