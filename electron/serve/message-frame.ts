import { encodeBinaryFrameParts } from '../../shared/ipc/binary-frame';
import { carriesByteArrays, type WireMessage } from '../../shared/ipc/wire';
import type { OutgoingFrame } from './outbox';

/**
 * The frame one message travels in: a binary frame, in pieces, when it carries byte arrays (result
 * batches), JSON text otherwise. Throws when the message cannot be serialised.
 */
export function frameOfMessage(message: WireMessage): OutgoingFrame {
  return carriesByteArrays(message) ? { parts: encodeBinaryFrameParts(message) } : JSON.stringify(message);
}
