import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CoreError } from '../../../electron/core/errors';
import type { KdfParams } from '../../../electron/core/vault/kdf';

/** Cheap scrypt so that tests can derive many keys; production uses DEFAULT_KDF_PARAMS. */
export const TEST_KDF: KdfParams = { logN: 14, r: 8, p: 1 };

/** Offsets of the documented header layout. */
export const HEADER = { major: 8, minor: 9, kdfId: 10, logN: 11, r: 12, p: 16, salt: 20, nonce: 52, end: 76 } as const;

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'strata-test-vault-'));
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file in the directory with its bytes, to prove that an operation wrote nothing. */
export async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    snapshot[name] = (await readFile(join(dir, name))).toString('base64');
  }
  return snapshot;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('Expected the operation to fail with a CoreError, but it succeeded.');
}

export function thrownBy(action: () => unknown): CoreError {
  try {
    action();
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('Expected the operation to throw a CoreError, but it returned.');
}
