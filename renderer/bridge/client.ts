import type { ChannelInput, ChannelOutput, EventPayloads } from '../../shared/ipc/contract';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import type { StrataBridge } from '../../shared/ipc/wire';
import type { ErrorCode, ErrorDetail, StrataError } from '../../shared/errors';

/** A contract error as the renderer sees it: thrown by invoke(), carrying the code and detail. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly detail?: ErrorDetail;

  constructor(error: StrataError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.detail = error.detail;
  }
}

export interface StrataClient {
  invoke<C extends InvokeChannel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  subscribe<E extends EventChannel>(channel: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** Wraps a transport (window.strata or the WebSocket) in the typed API the rest of the renderer uses. */
export function createClient(transport: StrataBridge): StrataClient {
  return {
    async invoke(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw new BridgeError(result.error);
      return result.value as never;
    },
    subscribe(channel, listener) {
      return transport.subscribe(channel, listener as (payload: unknown) => void);
    },
  };
}
