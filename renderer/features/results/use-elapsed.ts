import { useEffect, useState } from 'react';

const TICK_MS = 100;

/** Milliseconds since `startedAt`, ticking while `active`. */
export function useElapsed(startedAt: number, active: boolean): number {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [active, startedAt]);
  return Math.max(0, now - startedAt);
}
