import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Vault } from '../../../electron/core/vault/vault';
import { HEADER, TEST_KDF, makeTempDir, rejectionOf, removeTempDir, snapshotDir } from './vault-fixture';

const PASSWORD = 'correct horse';

describe('Vault against damaged or hostile files', () => {
  let dir: string;
  let file: string;
  let original: Buffer;

  beforeEach(async () => {
    dir = await makeTempDir();
    file = join(dir, 'vault.bin');
    await new Vault(file, { kdf: TEST_KDF }).create(PASSWORD);
    original = await readFile(file);
  });
  afterEach(() => removeTempDir(dir));

  /** Puts `bytes` in place of the vault, tries to unlock it, and checks that nothing in the directory changed. */
  async function unlockWith(bytes: Uint8Array, password = PASSWORD) {
    await writeFile(file, bytes);
    const before = await snapshotDir(dir);
    const error = await rejectionOf(new Vault(file, { kdf: TEST_KDF }).unlock(password));
    expect(await snapshotDir(dir)).toEqual(before);
    return error;
  }

  function withHeader(edit: (view: DataView) => void): Buffer {
    const bytes = Buffer.from(original);
    edit(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return bytes;
  }

  it('opens the untouched file, so every failure below comes from the damage', async () => {
    const vault = new Vault(file, { kdf: TEST_KDF });
    await vault.unlock(PASSWORD);
    expect(vault.isUnlocked()).toBe(true);
  });

  it('rejects a wrong password with AUTH and leaves the file byte-identical', async () => {
    const error = await unlockWith(original, 'wrong password');
    expect(error.code).toBe('AUTH');
    expect(error.message).toContain('Wrong master password, or the vault file is damaged.');
    expect(await readFile(file)).toEqual(original);
  });

  it('rejects a flipped byte at every offset of the file without writing', { timeout: 120_000 }, async () => {
    const failures: string[] = [];
    for (let offset = 0; offset < original.length; offset++) {
      const tampered = Buffer.from(original);
      tampered[offset] ^= 0xff;
      const error = await unlockWith(tampered);
      if (error.code !== 'AUTH' && error.code !== 'VAULT_CORRUPT') failures.push(`offset ${offset}: ${error.code}`);
      expect(await readFile(file)).toEqual(tampered);
    }
    expect(failures).toEqual([]);
  });

  it('rejects a truncated file with VAULT_CORRUPT inside the header and AUTH inside the ciphertext', async () => {
    const cases = [
      { length: 0, code: 'VAULT_CORRUPT' },
      { length: 5, code: 'VAULT_CORRUPT' },
      { length: 9, code: 'VAULT_CORRUPT' },
      { length: 40, code: 'VAULT_CORRUPT' },
      { length: HEADER.end, code: 'VAULT_CORRUPT' },
      { length: HEADER.end + 15, code: 'VAULT_CORRUPT' },
      { length: HEADER.end + 16, code: 'AUTH' },
      { length: original.length - 1, code: 'AUTH' },
    ];
    for (const { length, code } of cases) {
      const error = await unlockWith(original.subarray(0, length));
      expect({ length, code: error.code }).toEqual({ length, code });
      if (code === 'VAULT_CORRUPT' && length > 0) expect(error.message).toContain('cut short');
    }
  });

  it('rejects out-of-bounds KDF parameters before running scrypt', async () => {
    const cases = [
      { logN: 40, r: 8, p: 1 },
      { logN: 30, r: 8, p: 1 },
      { logN: 13, r: 8, p: 1 },
      { logN: 14, r: 0, p: 1 },
      { logN: 14, r: 33, p: 1 },
      // In bounds for scrypt itself, but would take about a minute: returning at once proves no KDF ran.
      { logN: 14, r: 8, p: 1000 },
      // Each value within its own bounds, together 4 GiB of memory.
      { logN: 20, r: 32, p: 1 },
    ];
    for (const kdf of cases) {
      const tampered = withHeader((view) => {
        view.setUint8(HEADER.logN, kdf.logN);
        view.setUint32(HEADER.r, kdf.r);
        view.setUint32(HEADER.p, kdf.p);
      });
      const started = performance.now();
      const error = await unlockWith(tampered);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error.code).toBe('VAULT_CORRUPT');
      expect(error.message).toContain(`logN ${kdf.logN}, r ${kdf.r}, p ${kdf.p}`);
    }
  });

  it('refuses a vault written by a newer major version without touching it', async () => {
    for (const major of [2, 255]) {
      const tampered = withHeader((view) => view.setUint8(HEADER.major, major));
      const error = await unlockWith(tampered);
      expect(error.code).toBe('VAULT_CORRUPT');
      expect(error.message).toContain('written by a newer Strata');
      expect(await readFile(file)).toEqual(tampered);
    }
  });

  it('refuses a file with the wrong signature or an unknown KDF', async () => {
    const notAVault = await unlockWith(Buffer.from('{"secrets": "plain json, not a vault"}'));
    expect(notAVault.code).toBe('VAULT_CORRUPT');
    expect(notAVault.message).toContain('not a Strata vault');

    const unknownKdf = await unlockWith(withHeader((view) => view.setUint8(HEADER.kdfId, 2)));
    expect(unknownKdf.code).toBe('VAULT_CORRUPT');
    expect(unknownKdf.message).toContain('unknown key-derivation method');
  });
});
