import { readFile, rename } from 'node:fs/promises';
import type { z } from 'zod';
import { atomicWrite } from './atomic-write';

/**
 * Reads a JSON file of the app's own data. Missing → null. Unreadable JSON or content that fails the
 * schema is moved aside to `<file>.corrupt-<timestamp>` (kept for the user, never silently dropped),
 * reported through `log`, and read as null.
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>, log: (line: string) => void): Promise<T | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let problem: string;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    problem = `${issue.path.join('.') || 'top level'}: ${issue.message}`;
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(file, aside);
  log(`${file} could not be read (${problem.slice(0, 200)}). It was moved to ${aside} and a fresh one will be started.`);
  return null;
}

/** Writes `value` as pretty JSON, atomically, readable by the user only. */
export function writeJsonFile(file: string, value: unknown): Promise<void> {
  return atomicWrite(file, `${JSON.stringify(value, null, 2)}\n`);
}
