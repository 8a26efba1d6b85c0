import { isInvokeChannel } from '../../shared/ipc/channels';
import type { WireRequest } from '../../shared/ipc/wire';

export type ParsedFrame =
  | { kind: 'request'; request: WireRequest }
  /** `id` is null when no request id could be read: such frames get no reply. */
  | { kind: 'invalid'; id: number | null; message: string };

/**
 * Reads one text frame as a WireRequest. Never throws: anything malformed comes back as 'invalid'.
 * Frames carrying a `__proto__` key anywhere are refused outright, so no later merge can be tricked
 * into changing a prototype.
 */
export function parseWireFrame(text: string): ParsedFrame {
  let hasProtoKey = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      if (key === '__proto__') {
        hasProtoKey = true;
        return undefined;
      }
      return item;
    });
  } catch {
    return { kind: 'invalid', id: null, message: 'The request is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'invalid', id: null, message: 'The request must be a JSON object.' };
  }
  const frame = value as Record<string, unknown>;
  const id = isRequestId(frame.id) ? frame.id : null;
  if (id === null) return { kind: 'invalid', id: null, message: 'The request has no valid id.' };
  if (hasProtoKey) return { kind: 'invalid', id, message: 'The request contains a "__proto__" key, which is not allowed.' };
  if (!isInvokeChannel(frame.channel)) {
    return { kind: 'invalid', id, message: 'The request names an unknown channel.' };
  }
  return { kind: 'request', request: { id, channel: frame.channel, input: frame.input } };
}

function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
