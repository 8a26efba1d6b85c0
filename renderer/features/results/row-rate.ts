/** Samples this old and older only serve as the base of the rate. */
const WINDOW_MS = 1_000;
/** A rate over a shorter span than this jumps around too much to show. */
const MIN_SPAN_MS = 200;

/** Rows per second from (time, rows so far) samples, over about the last second. */
export class RowRate {
  private readonly samples: { at: number; rows: number }[] = [];

  add(at: number, rows: number): void {
    this.samples.push({ at, rows });
    // Keep one sample at or before the window's start, so the span covers the whole window.
    while (this.samples.length > 2 && this.samples[1].at <= at - WINDOW_MS) this.samples.shift();
  }

  /** Null until the samples span long enough to say. */
  perSecond(): number | null {
    if (this.samples.length < 2) return null;
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    const span = last.at - first.at;
    return span < MIN_SPAN_MS ? null : ((last.rows - first.rows) * 1000) / span;
  }
}
