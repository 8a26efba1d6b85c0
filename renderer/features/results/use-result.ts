import { useCallback, useSyncExternalStore } from 'react';
import { resultStore } from './app-result-store';
import type { StatementResult } from './result-store';

/**
 * Re-renders when rows arrive for one statement's result, at most once per animation frame however
 * many batches arrive, and returns the result (undefined until its first event).
 */
export function useStatementResult(runId: string | null, index: number): StatementResult | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (runId === null) return () => {};
      let frame = 0;
      const unsubscribe = resultStore.subscribe(runId, index, () => {
        if (frame === 0) {
          frame = requestAnimationFrame(() => {
            frame = 0;
            onChange();
          });
        }
      });
      return () => {
        unsubscribe();
        if (frame !== 0) cancelAnimationFrame(frame);
      };
    },
    [runId, index],
  );
  useSyncExternalStore(subscribe, () => (runId === null ? 0 : resultStore.version(runId, index)));
  return runId === null ? undefined : resultStore.get(runId, index);
}
