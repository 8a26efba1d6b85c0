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

/** What the host sends: one JSON text frame holding either a single message or a batch. */
export type WireFrame = WireMessage | WireBatch;

/** The messages a frame carries, in the order they are to be handled. */
export function messagesOfFrame(frame: WireFrame): readonly WireMessage[] {
  return frame.kind === 'batch' ? frame.messages : [frame];
}

/** What the preload exposes as window.strata, and what the WebSocket client mimics. */
export interface StrataBridge {
  invoke(channel: InvokeChannel, input: unknown): Promise<InvokeResult>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}
