import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Vault } from '../../../electron/core/vault/vault';
import { HEADER, TEST_KDF, makeTempDir, removeTempDir } from './vault-fixture';

describe('vault file on disk', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('uses a fresh salt and nonce on every save and records the KDF parameters', async () => {
    const file = join(dir, 'vault.bin');
    const vault = new Vault(file, { kdf: TEST_KDF });
    await vault.create('correct horse');
    const first = await readFile(file);
    await vault.setSecret('connection:1:password', 'hunter2');
    const second = await readFile(file);

    expect(first.subarray(0, 8).toString('latin1')).toBe('STRATAVT');
    expect([second[HEADER.major], second[HEADER.minor], second[HEADER.kdfId], second[HEADER.logN]]).toEqual([1, 0, 1, TEST_KDF.logN]);
    expect([second.readUInt32BE(HEADER.r), second.readUInt32BE(HEADER.p)]).toEqual([TEST_KDF.r, TEST_KDF.p]);
    expect(second.subarray(HEADER.salt, HEADER.nonce)).not.toEqual(first.subarray(HEADER.salt, HEADER.nonce));
    expect(second.subarray(HEADER.nonce, HEADER.end)).not.toEqual(first.subarray(HEADER.nonce, HEADER.end));
    expect(second.includes('hunter2')).toBe(false);
    expect(second.includes('connection:1:password')).toBe(false);
  });

  it('writes mode 0600, keeps the previous version as .bak and leaves no temporary files', async () => {
    const file = join(dir, 'data', 'vault.bin');
    const vault = new Vault(file, { kdf: TEST_KDF });
    await vault.create('correct horse');
    const first = await readFile(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await vault.setSecret('k', 'v');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'data'))).toEqual(['vault.bin', 'vault.bin.bak']);
    expect(await readFile(`${file}.bak`)).toEqual(first);
    expect((await stat(`${file}.bak`)).mode & 0o777).toBe(0o600);
  });

  it('opens the .bak copy as the vault it was before the last save', async () => {
    const file = join(dir, 'vault.bin');
    const vault = new Vault(file, { kdf: TEST_KDF });
    await vault.create('correct horse');
    await vault.setSecret('k', 'old');
    await vault.setSecret('k', 'new');

    const backup = new Vault(`${file}.bak`, { kdf: TEST_KDF });
    await backup.unlock('correct horse');
    expect(backup.getSecret('k')).toBe('old');
  });
});
