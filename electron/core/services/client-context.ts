import type { EventChannel, EventPayloads } from '../../../shared/ipc/contract';

/** The caller of a handler: one window, or one WebSocket. */
export interface ClientContext {
  readonly id: string;
  /** Sends an event to this client only. Never throws; does nothing once the client is closed. */
  emit<E extends EventChannel>(channel: E, payload: EventPayloads[E]): void;
}
