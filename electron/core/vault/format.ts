import { CoreError } from '../errors';
import { NONCE_LENGTH, TAG_LENGTH } from './cipher';
import type { KdfParams } from './kdf';

/*
 * Vault file layout (all integers big-endian); the 76 header bytes are the AEAD associated data:
 *   0  magic "STRATAVT"       8 bytes
 *   8  format version major   u8
 *   9  format version minor   u8
 *  10  KDF id (1 = scrypt)    u8
 *  11  logN                   u8
 *  12  r                      u32
 *  16  p                      u32
 *  20  salt                   32 bytes
 *  52  nonce                  24 bytes
 *  76  ciphertext, then the 16-byte Poly1305 tag
 */
export const VAULT_MAGIC = new TextEncoder().encode('STRATAVT');
export const FORMAT_VERSION = Object.freeze({ major: 1, minor: 0 });
export const KDF_ID_SCRYPT = 1;
export const SALT_LENGTH = 32;
export const HEADER_LENGTH = VAULT_MAGIC.length + 4 + 4 + 4 + SALT_LENGTH + NONCE_LENGTH;

const VERSION_OFFSET = VAULT_MAGIC.length;
const KDF_ID_OFFSET = VERSION_OFFSET + 2;
const LOG_N_OFFSET = KDF_ID_OFFSET + 1;
const R_OFFSET = LOG_N_OFFSET + 1;
const P_OFFSET = R_OFFSET + 4;
const SALT_OFFSET = P_OFFSET + 4;
const NONCE_OFFSET = SALT_OFFSET + SALT_LENGTH;
const MIN_FILE_LENGTH = HEADER_LENGTH + TAG_LENGTH;
const RESTORE_HINT = 'Restore it from the .bak copy next to it.';

export interface VaultHeader {
  version: { major: number; minor: number };
  kdf: KdfParams;
  salt: Uint8Array;
  nonce: Uint8Array;
}

export interface ParsedVaultFile {
  header: VaultHeader;
  /** The header exactly as stored: the associated data the ciphertext was sealed with. */
  headerBytes: Uint8Array;
  sealed: Uint8Array;
}

export function encodeHeader(header: VaultHeader): Uint8Array {
  const bytes = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes.set(VAULT_MAGIC, 0);
  view.setUint8(VERSION_OFFSET, header.version.major);
  view.setUint8(VERSION_OFFSET + 1, header.version.minor);
  view.setUint8(KDF_ID_OFFSET, KDF_ID_SCRYPT);
  view.setUint8(LOG_N_OFFSET, header.kdf.logN);
  view.setUint32(R_OFFSET, header.kdf.r);
  view.setUint32(P_OFFSET, header.kdf.p);
  bytes.set(header.salt, SALT_OFFSET);
  bytes.set(header.nonce, NONCE_OFFSET);
  return bytes;
}

/** Splits a vault file into its header and sealed payload; structural damage is VAULT_CORRUPT. */
export function parseVaultFile(bytes: Uint8Array): ParsedVaultFile {
  if (bytes.length === 0) throw corrupt(`The vault file is empty. ${RESTORE_HINT}`);
  const magicLength = Math.min(bytes.length, VAULT_MAGIC.length);
  if (!VAULT_MAGIC.subarray(0, magicLength).every((byte, index) => bytes[index] === byte)) {
    throw corrupt(`The vault file is not a Strata vault (its signature is wrong). ${RESTORE_HINT}`);
  }
  if (bytes.length < KDF_ID_OFFSET) throw truncated(bytes.length);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = { major: view.getUint8(VERSION_OFFSET), minor: view.getUint8(VERSION_OFFSET + 1) };
  if (version.major > FORMAT_VERSION.major) {
    throw corrupt(
      `The vault was written by a newer Strata (format ${version.major}.${version.minor}; this version reads ${FORMAT_VERSION.major}.x). ` +
        'Update Strata to open it.',
    );
  }
  if (version.major < FORMAT_VERSION.major) {
    throw corrupt(`The vault file has an unknown format version ${version.major}.${version.minor}. ${RESTORE_HINT}`);
  }
  if (bytes.length < MIN_FILE_LENGTH) throw truncated(bytes.length);

  const kdfId = view.getUint8(KDF_ID_OFFSET);
  if (kdfId !== KDF_ID_SCRYPT) {
    throw corrupt(`The vault file names an unknown key-derivation method (id ${kdfId}). ${RESTORE_HINT}`);
  }
  return {
    header: {
      version,
      kdf: { logN: view.getUint8(LOG_N_OFFSET), r: view.getUint32(R_OFFSET), p: view.getUint32(P_OFFSET) },
      salt: bytes.slice(SALT_OFFSET, SALT_OFFSET + SALT_LENGTH),
      nonce: bytes.slice(NONCE_OFFSET, NONCE_OFFSET + NONCE_LENGTH),
    },
    headerBytes: bytes.slice(0, HEADER_LENGTH),
    sealed: bytes.slice(HEADER_LENGTH),
  };
}

function truncated(length: number): CoreError {
  return corrupt(`The vault file is cut short (${length} bytes; a vault has at least ${MIN_FILE_LENGTH}). ${RESTORE_HINT}`);
}

function corrupt(message: string): CoreError {
  return new CoreError('VAULT_CORRUPT', message);
}
