import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_KDF_PARAMS, KDF_BOUNDS, deriveKey, describeKdfParamsProblem, scryptMemoryBytes } from '../../../electron/core/vault/kdf';
import { Vault } from '../../../electron/core/vault/vault';
import { HEADER, TEST_KDF, makeTempDir, rejectionOf, removeTempDir, thrownBy } from './vault-fixture';

const password = new TextEncoder().encode('correct horse');
const salt = new Uint8Array(32).fill(7);

describe('scrypt KDF', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('defaults to the calibrated parameters, which are within bounds', () => {
    expect(DEFAULT_KDF_PARAMS).toEqual({ logN: 18, r: 8, p: 1 });
    expect(describeKdfParamsProblem(DEFAULT_KDF_PARAMS)).toBeNull();
    expect(scryptMemoryBytes(DEFAULT_KDF_PARAMS)).toBeLessThanOrEqual(KDF_BOUNDS.maxMemoryBytes);
  });

  it('saves a vault made without options under the default parameters and opens it again', async () => {
    const file = join(dir, 'vault.bin');
    await new Vault(file).create('correct horse');
    const bytes = await readFile(file);
    expect({ logN: bytes[HEADER.logN], r: bytes.readUInt32BE(HEADER.r), p: bytes.readUInt32BE(HEADER.p) }).toEqual(DEFAULT_KDF_PARAMS);

    const reopened = new Vault(file);
    await reopened.unlock('correct horse');
    expect(reopened.isUnlocked()).toBe(true);
  });

  it('accepts the edges of the bounds and rejects anything past them', () => {
    for (const ok of [TEST_KDF, { logN: 14, r: 1, p: 1 }, { logN: 20, r: 8, p: 1 }, { logN: 14, r: 32, p: 4 }]) {
      expect(describeKdfParamsProblem(ok)).toBeNull();
    }
    for (const bad of [
      { logN: 21, r: 8, p: 1 },
      { logN: 14, r: 8, p: 0 },
      { logN: 14, r: 8, p: 5 },
      { logN: 14.5, r: 8, p: 1 },
      { logN: 20, r: 8, p: 2 },
    ]) {
      expect(describeKdfParamsProblem(bad)).toContain(`logN ${bad.logN}, r ${bad.r}, p ${bad.p}`);
    }
  });

  it('derives the same key for the same password and salt, and another for another salt', async () => {
    const key = await deriveKey(password, salt, TEST_KDF, 32);
    expect(key).toHaveLength(32);
    expect(await deriveKey(password, salt, TEST_KDF, 32)).toEqual(key);
    expect(await deriveKey(password, new Uint8Array(32), TEST_KDF, 32)).not.toEqual(key);
  });

  it('refuses to derive with out-of-bounds parameters', async () => {
    const error = await rejectionOf(deriveKey(password, salt, { logN: 40, r: 8, p: 1 }, 32));
    expect(error.code).toBe('VAULT_CORRUPT');
    expect(error.message).toContain('logN 40, r 8, p 1');
  });

  it('refuses a Vault configured with out-of-bounds parameters', () => {
    expect(thrownBy(() => new Vault(join(dir, 'vault.bin'), { kdf: { logN: 10, r: 8, p: 1 } })).code).toBe('INVALID_INPUT');
  });
});
