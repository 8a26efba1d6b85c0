import type { StrataError } from '../errors';
import type { EventChannel, InvokeChannel } from './channels';

/** The result of one invoke, as it crosses any transport. Errors are values, never thrown across. */
export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: StrataError };

/** Messages on the headless host's WebSocket, as JSON text frames. */
export interface WireRequest {
  id: number;
  channel: InvokeChannel;
  input: unknown;
}
export type WireMessage =
  | { kind: 'reply'; id: number; result: InvokeResult }
  | { kind: 'event'; channel: EventChannel; payload: unknown };

/** What the preload exposes as window.strata, and what the WebSocket client mimics. */
export interface StrataBridge {
  invoke(channel: InvokeChannel, input: unknown): Promise<InvokeResult>;
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}
