import { useEffect, useState } from 'react';
import { resultStore } from './app-result-store';
import { RowRate } from './row-rate';

/** How often the figures of a streaming result are read: four times a second. */
const SAMPLE_MS = 250;

export interface ResultFigures {
  rows: number;
  /** Rows in main's spool file, or null while the whole result is in memory. */
  spooledRows: number | null;
  /** Arrival rate while streaming, once there is enough to say. */
  rowsPerSecond: number | null;
}

const NO_FIGURES: ResultFigures = { rows: 0, spooledRows: null, rowsPerSecond: null };

function read(runId: string, index: number | null): Omit<ResultFigures, 'rowsPerSecond'> {
  const result = index === null ? undefined : resultStore.get(runId, index);
  if (!result) return NO_FIGURES;
  return { rows: result.rowCount, spooledRows: result.spooledFrom === null ? null : result.spooledRowCount };
}

const same = (a: ResultFigures, b: ResultFigures) => a.rows === b.rows && a.spooledRows === b.spooledRows && a.rowsPerSecond === b.rowsPerSecond;

/**
 * A result's row count, where its rows are and, while `streaming`, how fast they arrive. A streaming
 * result is read on a timer (at most ~4 updates a second however fast rows come); a finished one
 * when it changes.
 */
export function useResultFigures(runId: string, index: number | null, streaming: boolean): ResultFigures {
  const [figures, setFigures] = useState<ResultFigures>(() => ({ ...read(runId, index), rowsPerSecond: null }));

  useEffect(() => {
    const rate = new RowRate();
    const sample = () => {
      const next = { ...read(runId, index), rowsPerSecond: null as number | null };
      if (streaming) {
        rate.add(Date.now(), next.rows);
        next.rowsPerSecond = rate.perSecond();
      }
      setFigures((current) => (same(current, next) ? current : next));
    };
    sample();
    if (streaming) {
      const timer = setInterval(sample, SAMPLE_MS);
      return () => clearInterval(timer);
    }
    return index === null ? undefined : resultStore.subscribe(runId, index, sample);
  }, [runId, index, streaming]);

  return figures;
}
