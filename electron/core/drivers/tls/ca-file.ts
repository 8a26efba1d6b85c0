import { X509Certificate } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { verifiesCertificate, type ConnectionDraft } from '../../../../shared/model/connection';
import { CoreError } from '../../errors';
import type { DriverConfig } from '../types';

/** Far above any real CA bundle: Mozilla's whole store is about 220 kB. */
const MAX_CA_FILE_BYTES = 4 * 1024 * 1024;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** A DER certificate starts with an ASN.1 SEQUENCE whose length takes two bytes. */
const DER_START = [0x30, 0x82];

const loaded = new WeakMap<DriverConfig, string>();

/**
 * The PEM text of the profile's CA certificate file when its SSL mode verifies the server, else undefined
 * (the system's trusted authorities). Read when the driver first connects; its later sessions and cancels
 * reuse what was read, so a cancel never fails on the file. A failed read is tried again next time.
 */
export function trustedCaOf(config: DriverConfig): string | undefined {
  const path = caFileOf(config.profile);
  if (path === undefined) return undefined;
  let pem = loaded.get(config);
  if (pem === undefined) {
    pem = readCaFile(path);
    loaded.set(config, pem);
  }
  return pem;
}

/** The CA certificate file the profile's SSL mode trusts, or undefined for the system's store. */
export function caFileOf(profile: Pick<ConnectionDraft, 'sslMode' | 'sslRootCertPath'>): string | undefined {
  const path = profile.sslRootCertPath?.trim() ?? '';
  return verifiesCertificate(profile.sslMode) && path !== '' ? path : undefined;
}

/** The certificates of a PEM file, checked to parse; a CoreError (TLS) naming the file and the fix otherwise. */
export function readCaFile(path: string): string {
  const fullPath = expandHome(path);
  if (!isAbsolute(fullPath)) {
    throw caFileError(path, 'is not a full path', 'Enter the whole path of the file, starting at the root of the disk (or at ~ for your home folder)');
  }
  const content = readSmallFile(path, fullPath);
  const certificates = content.toString('latin1').match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    if (DER_START.every((byte, index) => content[index] === byte)) {
      throw caFileError(
        path,
        'is a binary (DER) certificate, not PEM text',
        `Convert it with: openssl x509 -inform der -in "${fullPath}" -out ca.pem, and choose ca.pem`,
      );
    }
    throw caFileError(path, 'holds no certificate (no -----BEGIN CERTIFICATE----- block)', "Choose the PEM file of the authority that issued the server's certificate");
  }
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch (error) {
      throw caFileError(path, `holds a damaged certificate (${error instanceof Error ? error.message : String(error)})`, 'Choose an intact copy of the file');
    }
  }
  return certificates.join('\n');
}

function expandHome(path: string): string {
  if (path === '~') return homedir();
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homedir(), path.slice(2));
  return path;
}

function readSmallFile(path: string, fullPath: string): Buffer {
  let fd: number;
  try {
    fd = openSync(fullPath, 'r');
  } catch (error) {
    throw openError(path, error);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw caFileError(path, 'is a folder', 'Choose the certificate file itself (a .pem or .crt file)');
    if (stats.size > MAX_CA_FILE_BYTES) {
      throw caFileError(path, `is ${Math.round(stats.size / 1024 / 1024)} MB, too large for a CA certificate`, "Choose the PEM file of the authority that issued the server's certificate");
    }
    return readFileSync(fd);
  } catch (error) {
    throw error instanceof CoreError ? error : openError(path, error);
  } finally {
    closeSync(fd);
  }
}

function openError(path: string, error: unknown): CoreError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return caFileError(path, 'does not exist', 'Check the path in the connection settings');
    case 'EACCES':
    case 'EPERM':
      return caFileError(path, 'may not be read by Strata (permission denied)', 'Make the file readable for your user account, or choose a copy that is');
    case 'EISDIR':
      return caFileError(path, 'is a folder', 'Choose the certificate file itself (a .pem or .crt file)');
    default:
      return caFileError(path, `could not be read (${code || (error instanceof Error ? error.message : String(error))})`, 'Check the file and its path in the connection settings');
  }
}

function caFileError(path: string, problem: string, fix: string): CoreError {
  return new CoreError('TLS', `The CA certificate file "${path}" ${problem}. ${fix}.`);
}
