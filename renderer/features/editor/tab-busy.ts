import type { StoreState } from '../../store';
import { isRunActive } from '../results/run-state';

/** The tab is running a query or an EXPLAIN: something Cancel would stop. */
export function isTabBusy(state: StoreState, tabId: string | null): boolean {
  if (tabId === null) return false;
  return isRunActive(state.runs[tabId]) || state.plans[tabId]?.status === 'running';
}

/** Everything running in the tab has been asked to stop already. */
export function isTabCancelling(state: StoreState, tabId: string): boolean {
  const run = state.runs[tabId];
  const plan = state.plans[tabId];
  const runActive = isRunActive(run);
  const explaining = plan?.status === 'running';
  if (!runActive && !explaining) return false;
  return (!runActive || run?.cancelRequested === true) && (!explaining || plan.cancelRequested);
}
