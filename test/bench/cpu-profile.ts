import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The V8 CPU profile format, as written by `node --cpu-prof` and returned by CDP's Profiler.stop. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  name: string;
  location: string;
  selfMs: number;
  selfPercent: number;
}

/** A span of the profile, in ms from its start. */
export interface ProfileWindow {
  fromMs: number;
  toMs: number;
}

/** The functions with the most self time (within `window`, if given), merged by name and source position. */
export function topSelfTime(profile: CpuProfile, limit = 12, rootDir = '', window?: ProfileWindow): FunctionCost[] {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byNode = new Map<number, number>();
  let at = 0;
  // timeDeltas[i] is the gap before sample i, so sample i owns the gap that follows it.
  for (let i = 0; i < samples.length; i++) {
    at += deltas[i] ?? 0;
    if (window && (at / 1000 < window.fromMs || at / 1000 > window.toMs)) continue;
    const micros = deltas[i + 1] ?? 0;
    byNode.set(samples[i], (byNode.get(samples[i]) ?? 0) + Math.max(0, micros));
  }
  const total = [...byNode.values()].reduce((sum, micros) => sum + micros, 0) || 1;
  const merged = new Map<string, FunctionCost>();
  for (const node of profile.nodes) {
    const micros = byNode.get(node.id);
    if (!micros) continue;
    const frame = node.callFrame;
    const name = frame.functionName || '(anonymous)';
    const location = frame.url ? `${shorten(frame.url, rootDir)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : '';
    const key = `${name}\u0000${location}`;
    const entry = merged.get(key) ?? { name, location, selfMs: 0, selfPercent: 0 };
    entry.selfMs += micros / 1000;
    merged.set(key, entry);
  }
  return [...merged.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, limit)
    .map((entry) => ({ ...entry, selfMs: Math.round(entry.selfMs), selfPercent: Math.round((entry.selfMs * 10_000_000) / total) / 100 }));
}

function shorten(url: string, rootDir: string): string {
  const plain = url.replace(/^file:\/\//, '');
  if (rootDir && plain.startsWith(rootDir)) return path.relative(rootDir, plain);
  const nodeModules = plain.lastIndexOf('node_modules/');
  if (nodeModules >= 0) return plain.slice(nodeModules);
  return plain.replace(/^https?:\/\/[^/]+\//, '');
}

export async function readProfile(file: string): Promise<CpuProfile> {
  return JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
}
