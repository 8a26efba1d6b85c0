import { scrypt } from 'node:crypto';
import { CoreError } from '../errors';

/** scrypt cost parameters as stored in the vault header: N = 2^logN. */
export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}

/** Calibrated: about 0.8 s and 256 MiB per derivation on a 2-core machine (logN 17 took 0.4 s there). */
export const DEFAULT_KDF_PARAMS: Readonly<KdfParams> = Object.freeze({ logN: 18, r: 8, p: 1 });

export const KDF_BOUNDS = Object.freeze({
  logN: { min: 14, max: 20 },
  r: { min: 1, max: 32 },
  p: { min: 1, max: 4 },
  maxMemoryBytes: 1024 * 1024 * 1024,
});

// scrypt needs 128·r·(N + p + 2) bytes; the estimate 128·N·r·p covers all but this small slack.
const MAXMEM_MARGIN_BYTES = 1024 * 1024;

export function scryptMemoryBytes(params: KdfParams): number {
  return 128 * 2 ** params.logN * params.r * params.p;
}

/** Says what is wrong with the parameters, or null when scrypt may run with them. */
export function describeKdfParamsProblem(params: KdfParams): string | null {
  const { logN, r, p } = params;
  const within = (value: number, bounds: { min: number; max: number }) =>
    Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
  const allowed =
    `allowed: logN ${KDF_BOUNDS.logN.min}–${KDF_BOUNDS.logN.max}, r ${KDF_BOUNDS.r.min}–${KDF_BOUNDS.r.max}, ` +
    `p ${KDF_BOUNDS.p.min}–${KDF_BOUNDS.p.max}, at most 1 GiB of memory`;
  if (!within(logN, KDF_BOUNDS.logN) || !within(r, KDF_BOUNDS.r) || !within(p, KDF_BOUNDS.p)) {
    return `scrypt parameters logN ${logN}, r ${r}, p ${p} are out of bounds (${allowed})`;
  }
  if (scryptMemoryBytes(params) > KDF_BOUNDS.maxMemoryBytes) {
    return `scrypt parameters logN ${logN}, r ${r}, p ${p} need more memory than allowed (${allowed})`;
  }
  return null;
}

/**
 * Derives a key from the master password. The parameters come from a file that may have been
 * tampered with, so they are checked before scrypt can spend time or memory on them.
 */
export function deriveKey(password: Uint8Array, salt: Uint8Array, params: KdfParams, keyLength: number): Promise<Uint8Array> {
  const problem = describeKdfParamsProblem(params);
  if (problem) {
    return Promise.reject(
      new CoreError('VAULT_CORRUPT', `The vault file is damaged: its ${problem}. Restore it from the .bak copy next to it.`),
    );
  }
  const options = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: scryptMemoryBytes(params) + MAXMEM_MARGIN_BYTES };
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
