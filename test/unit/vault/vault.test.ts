import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { Vault } from '../../../electron/core/vault/vault';
import { TEST_KDF, makeTempDir, rejectionOf, removeTempDir, thrownBy } from './vault-fixture';

describe('Vault', () => {
  let dir: string;
  let file: string;
  const newVault = () => new Vault(file, { kdf: TEST_KDF });

  beforeEach(async () => {
    dir = await makeTempDir();
    file = join(dir, 'vault.bin');
  });
  afterEach(() => removeTempDir(dir));

  it('keeps secrets across lock, unlock and a fresh instance', async () => {
    const vault = newVault();
    expect(await vault.status()).toEqual({ exists: false, unlocked: false });
    await vault.create('correct horse');
    expect(await vault.status()).toEqual({ exists: true, unlocked: true });
    await vault.setSecret('connection:abc:password', 'pä$$ <b>word</b>');
    await vault.setSecret('__proto__', 'still a plain key');

    vault.lock();
    expect(vault.isUnlocked()).toBe(false);
    expect(await vault.status()).toEqual({ exists: true, unlocked: false });

    const reopened = newVault();
    await reopened.unlock('correct horse');
    expect(reopened.getSecret('connection:abc:password')).toBe('pä$$ <b>word</b>');
    expect(reopened.getSecret('__proto__')).toBe('still a plain key');
    expect(reopened.getSecret('connection:missing:password')).toBeNull();
  });

  it('deletes a secret so that it is gone after reopening', async () => {
    const vault = newVault();
    await vault.create('correct horse');
    await vault.setSecret('a', '1');
    await vault.setSecret('b', '2');
    await vault.deleteSecret('a');
    expect(vault.getSecret('a')).toBeNull();

    const reopened = newVault();
    await reopened.unlock('correct horse');
    expect(reopened.getSecret('a')).toBeNull();
    expect(reopened.getSecret('b')).toBe('2');
  });

  it('changes the master password: the old one fails, the new one opens the same secrets', async () => {
    const vault = newVault();
    await vault.create('old password');
    await vault.setSecret('connection:1:password', 'hunter2');

    expect((await rejectionOf(vault.changePassword('not the password', 'new password'))).code).toBe('AUTH');
    await vault.changePassword('old password', 'new password');
    expect(vault.getSecret('connection:1:password')).toBe('hunter2');

    const reopened = newVault();
    expect((await rejectionOf(reopened.unlock('old password'))).code).toBe('AUTH');
    await reopened.unlock('new password');
    expect(reopened.getSecret('connection:1:password')).toBe('hunter2');
  });

  it('changes the password of a locked vault and leaves it unlocked', async () => {
    const vault = newVault();
    await vault.create('old password');
    await vault.setSecret('k', 'v');
    vault.lock();
    await vault.changePassword('old password', 'new password');
    expect(vault.isUnlocked()).toBe(true);
    expect(vault.getSecret('k')).toBe('v');
  });

  it('refuses to create over an existing vault', async () => {
    await newVault().create('first password');
    const error = await rejectionOf(newVault().create('second password'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain('A vault already exists; unlock it instead');
  });

  it('throws VAULT_LOCKED for every secret operation while locked', async () => {
    const vault = newVault();
    await vault.create('correct horse');
    vault.lock();
    expect(thrownBy(() => vault.getSecret('k')).code).toBe('VAULT_LOCKED');
    expect((await rejectionOf(vault.setSecret('k', 'v'))).code).toBe('VAULT_LOCKED');
    expect((await rejectionOf(vault.deleteSecret('k'))).code).toBe('VAULT_LOCKED');
  });

  it('throws VAULT_MISSING when there is no vault yet', async () => {
    const vault = newVault();
    expect(thrownBy(() => vault.getSecret('k')).code).toBe('VAULT_MISSING');
    expect((await rejectionOf(vault.setSecret('k', 'v'))).code).toBe('VAULT_MISSING');
    expect((await rejectionOf(vault.deleteSecret('k'))).code).toBe('VAULT_MISSING');
    expect((await rejectionOf(vault.unlock('any password'))).code).toBe('VAULT_MISSING');
    expect((await rejectionOf(vault.changePassword('any password', 'other password'))).code).toBe('VAULT_MISSING');
  });

  it('keeps both of two concurrent saves', async () => {
    const vault = newVault();
    await vault.create('correct horse');
    await Promise.all([vault.setSecret('first', '1'), vault.setSecret('second', '2'), vault.deleteSecret('none')]);

    const reopened = newVault();
    await reopened.unlock('correct horse');
    expect(reopened.getSecret('first')).toBe('1');
    expect(reopened.getSecret('second')).toBe('2');
  });

  it('drops a save still queued when the vault is locked, and writes nothing for it', async () => {
    const vault = newVault();
    await vault.create('correct horse');
    const saving = vault.setSecret('k', 'v');
    vault.lock();
    expect((await rejectionOf(saving)).code).toBe('VAULT_LOCKED');

    await vault.unlock('correct horse');
    expect(vault.getSecret('k')).toBeNull();
  });

  it('opens with the same password typed in another Unicode normalization form', async () => {
    await newVault().create('Caf\u00e9 password');
    const reopened = newVault();
    await reopened.unlock('Cafe\u0301 password');
    expect(reopened.isUnlocked()).toBe(true);
  });

  it('never puts the password into an error message', async () => {
    await newVault().create('correct horse');
    const error = await rejectionOf(newVault().unlock('wrong-horse-secret'));
    expect(error.message).not.toContain('wrong-horse-secret');
    expect(error.message).toContain('Wrong master password');
  });
});
