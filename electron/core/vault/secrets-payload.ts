import { CoreError } from '../errors';

/*
 * The plaintext inside the vault: UTF-8 JSON `{ "version": 1, "secrets": { [key]: value } }`.
 * Keys are free-form (even "__proto__"), so they are read into a Map, never into a plain object.
 */
const PAYLOAD_VERSION = 1;

export function encodeSecrets(secrets: ReadonlyMap<string, string>): Uint8Array {
  return new TextEncoder().encode(JSON.stringify({ version: PAYLOAD_VERSION, secrets: Object.fromEntries(secrets) }));
}

export function decodeSecrets(plaintext: Uint8Array): Map<string, string> {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    throw unreadable();
  }
  if (!isRecord(payload) || payload.version !== PAYLOAD_VERSION || !isRecord(payload.secrets)) throw unreadable();
  const secrets = new Map<string, string>();
  for (const [key, value] of Object.entries(payload.secrets)) {
    if (typeof value !== 'string') throw unreadable();
    secrets.set(key, value);
  }
  return secrets;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unreadable(): CoreError {
  return new CoreError('VAULT_CORRUPT', 'The vault opened, but its contents are unreadable. Restore it from the .bak copy next to it.');
}
