import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { CoreError } from '../errors';
import { atomicWrite } from '../fs/atomic-write';
import { KEY_LENGTH, NONCE_LENGTH, open, seal } from './cipher';
import { FORMAT_VERSION, SALT_LENGTH, encodeHeader, parseVaultFile } from './format';
import { deriveKey, type KdfParams } from './kdf';
import { decodeSecrets, encodeSecrets } from './secrets-payload';

export const WRONG_PASSWORD_MESSAGE =
  'Wrong master password, or the vault file is damaged. Check the password and try again; ' +
  'if it still fails, restore the vault from the .bak copy next to it.';

export async function vaultFileExists(filePath: string): Promise<boolean> {
  try {
    await stat(filePath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Decrypts the vault file. Never writes: a failed read leaves the file exactly as it was. */
export async function readVaultFile(filePath: string, password: Uint8Array): Promise<Map<string, string>> {
  const { header, headerBytes, sealed } = parseVaultFile(await readExisting(filePath));
  const key = await deriveKey(password, header.salt, header.kdf, KEY_LENGTH);
  const plaintext = open(key, header.nonce, headerBytes, sealed);
  key.fill(0);
  if (!plaintext) throw new CoreError('AUTH', WRONG_PASSWORD_MESSAGE);
  try {
    return decodeSecrets(plaintext);
  } finally {
    plaintext.fill(0);
  }
}

/** Encrypts the secrets under a fresh salt and nonce and replaces the vault file atomically, keeping a `.bak`. */
export async function writeVaultFile(filePath: string, secrets: ReadonlyMap<string, string>, password: Uint8Array, kdf: KdfParams): Promise<void> {
  const salt = randomBytes(SALT_LENGTH);
  const nonce = randomBytes(NONCE_LENGTH);
  const headerBytes = encodeHeader({ version: FORMAT_VERSION, kdf, salt, nonce });
  const key = await deriveKey(password, salt, kdf, KEY_LENGTH);
  const plaintext = encodeSecrets(secrets);
  const sealed = seal(key, nonce, headerBytes, plaintext);
  key.fill(0);
  plaintext.fill(0);
  const file = new Uint8Array(headerBytes.length + sealed.length);
  file.set(headerBytes, 0);
  file.set(sealed, headerBytes.length);
  await atomicWrite(filePath, file, { mode: 0o600, keepBackup: true });
}

async function readExisting(filePath: string): Promise<Uint8Array> {
  try {
    return await readFile(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw vaultMissing();
    throw error;
  }
}

export function vaultMissing(): CoreError {
  return new CoreError('VAULT_MISSING', 'No vault exists yet. Create one with a master password first.');
}
