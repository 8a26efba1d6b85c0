import type { StrataError } from '../errors';
import type { EventChannel, InvokeChannel } from './channels';

/** The result of one invoke, as it crosses any transport. Errors are values, never thrown across. */
export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: StrataError };

/** Requests on the headless host's WebSocket: one JSON text frame each. */
export interface WireRequest {
  id: number;
  channel: InvokeChannel;
  input: unknown;
}
export type WireMessage =
  | { kind: 'reply'; id: number; result: InvokeResult }
  | { kind: 'event'; channel: EventChannel; payload: unknown };

/**
 * Several messages in one frame, to be handled in array order exactly as if each had come in its own
 * frame. The host batches what it produces within one macrotask; large messages travel alone.
 */
export interface WireBatch {
  kind: 'batch';
  messages: WireMessage[];
}

/**
 * What the host sends: a JSON text frame holding either a single message or a batch, or, for a
 * message that carries byte arrays (see carriesByteArrays), a binary frame (shared/ipc/binary-frame.ts)
 * holding that one message.
 */
export type WireFrame = WireMessage | WireBatch;

/** The messages a frame carries, in the order they are to be handled. */
export function messagesOfFrame(frame: WireFrame): readonly WireMessage[] {
  return frame.kind === 'batch' ? frame.messages : [frame];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isWireMessage(value: unknown): value is WireMessage {
  return isObject(value) && (value.kind === 'reply' || value.kind === 'event');
}

/**
 * The messages of a decoded frame whose shape is not yet trusted: none for anything that is neither
 * a message nor a batch of them, and a batch keeps only its entries that are messages.
 */
export function messagesOfDecodedFrame(frame: unknown): readonly WireMessage[] {
  if (isWireMessage(frame)) return [frame];
  if (isObject(frame) && frame.kind === 'batch' && Array.isArray(frame.messages)) return frame.messages.filter(isWireMessage);
  return [];
}

/**
 * Whether a message holds Uint8Arrays and so must travel as a binary frame: a query/event 'batch'
 * event, or a successful reply holding `batches` (query/page's ResultPage). Looks at the message's
 * outer shape only, never into its values.
 */
export function carriesByteArrays(message: WireMessage): boolean {
  if (message.kind === 'event') return message.channel === 'query/event' && isObject(message.payload) && message.payload.type === 'batch';
  return message.result.ok && isObject(message.result.value) && Array.isArray(message.result.value.batches);
}

/** What the preload exposes as window.strata, and what the WebSocket client mimics. */
export interface StrataBridge {
  invoke(channel: InvokeChannel, input: unknown): Promise<InvokeResult>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}
