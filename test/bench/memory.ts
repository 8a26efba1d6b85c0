import { readFileSync } from 'node:fs';

/** Resident set size of a process in bytes, read from /proc (works for this process and children). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no VmRSS line.`);
  return Number(match[1]) * 1024;
}

export interface RssSampler {
  /** The highest RSS seen since start, in bytes. */
  peak(): number;
  stop(): number;
}

/** Samples a process's RSS every `intervalMs` and keeps the peak. */
export function sampleRss(pid: number, intervalMs = 20): RssSampler {
  let peak = rssOf(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssOf(pid));
    } catch {
      // The process ended; keep what was seen.
    }
  }, intervalMs);
  return {
    peak: () => peak,
    stop: () => {
      clearInterval(timer);
      try {
        peak = Math.max(peak, rssOf(pid));
      } catch {
        // As above.
      }
      return peak;
    },
  };
}

export const MB = 1024 * 1024;
