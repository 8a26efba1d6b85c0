import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AppInfo } from '../../../shared/ipc/contract';
import { emptyDraft, type ConnectionProfile } from '../../../shared/model/connection';
import type { HandlerGroup } from '../host';
import type { ConnectionStore } from './connection-store';

export const SAMPLE_FILE_NAME = 'strata-sample.sqlite';
export const SAMPLE_CONNECTION_NAME = 'Sample store';

export interface StartupOptions {
  dataDir: string;
  resourcesDir: string;
  initialFile?: string;
  store: ConnectionStore;
  /** Makes or reuses the SQLite profile of a file (see ConnectionService.openFile). */
  openFile: (path: string) => Promise<ConnectionProfile>;
  log: (line: string) => void;
}

export interface StartupConnections {
  sampleConnectionId: string | null;
  initialConnectionId: string | null;
}

/**
 * Gets the connections the app starts with: the sample database (copied from the bundle into the data
 * directory when missing there, with its built-in profile) and the file named on the command line.
 */
export async function prepareStartupConnections(options: StartupOptions): Promise<StartupConnections> {
  const sampleConnectionId = await prepareSample(options);
  let initialConnectionId = sampleConnectionId;
  if (options.initialFile) {
    try {
      initialConnectionId = (await options.openFile(options.initialFile)).id;
    } catch (error) {
      options.log(`Could not open ${options.initialFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { sampleConnectionId, initialConnectionId };
}

async function prepareSample({ dataDir, resourcesDir, store, log }: StartupOptions): Promise<string | null> {
  const bundled = join(resourcesDir, 'sample', SAMPLE_FILE_NAME);
  const target = join(dataDir, 'sample', SAMPLE_FILE_NAME);
  if (!(await exists(target))) {
    if (!(await exists(bundled))) {
      log(`The sample database is missing from ${bundled}, so Strata starts without it.`);
      return null;
    }
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(bundled, target, constants.COPYFILE_EXCL);
  }
  const existing = store.list().find((profile) => profile.builtIn);
  if (existing) {
    if (existing.filePath === target) return existing.id;
    const moved = { ...existing, filePath: target, updatedAt: new Date().toISOString() };
    await store.put(moved);
    return moved.id;
  }
  const now = new Date().toISOString();
  const profile: ConnectionProfile = {
    ...emptyDraft('sqlite'),
    name: SAMPLE_CONNECTION_NAME,
    color: '#10b981',
    filePath: target,
    id: randomUUID(),
    hasPassword: false,
    builtIn: true,
    createdAt: now,
    updatedAt: now,
  };
  await store.put(profile);
  return profile.id;
}

export function createAppHandlers(info: AppInfo): HandlerGroup<'app/info'> {
  return { 'app/info': async () => ({ ...info }) };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
