import { isEventChannel, isInvokeChannel, type EventChannel } from '../../shared/ipc/channels';
import type { InvokeResult, StrataBridge } from '../../shared/ipc/wire';
import { IPC_EVENT, IPC_INVOKE } from './ipc-names';

/** The part of ipcRenderer the preload uses. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Listener = (payload: unknown) => void;

function failure(code: 'INVALID_INPUT' | 'INTERNAL', message: string): InvokeResult {
  return { ok: false, error: { code, message } };
}

/**
 * What the preload exposes as window.strata: invoke and subscribe over allow-listed channels only.
 * One ipc listener dispatches every event; the page never sees ipcRenderer or its event objects.
 * Payloads and replies pass through untouched: structured clone has already carried their
 * Uint8Arrays (result batches) across, and nothing here may serialise or copy them again.
 */
export function createPreloadApi(ipc: PreloadIpc): StrataBridge {
  const listeners = new Map<EventChannel, Set<Listener>>();

  ipc.on(IPC_EVENT, (_event, channel, payload) => {
    if (!isEventChannel(channel)) return;
    for (const listener of [...(listeners.get(channel) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing listener must not starve the others; report it where the page's errors go.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  });

  return {
    async invoke(channel, input) {
      if (!isInvokeChannel(channel)) {
        return failure('INVALID_INPUT', `Unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}. Update Strata's renderer and main process together.`);
      }
      try {
        return (await ipc.invoke(IPC_INVOKE, channel, input)) as InvokeResult;
      } catch {
        return failure('INTERNAL', 'The main process did not answer. Restart Strata; if it keeps happening, report it.');
      }
    },
    subscribe(channel, listener) {
      if (!isEventChannel(channel)) throw new TypeError(`Unknown event channel ${JSON.stringify(String(channel)).slice(0, 80)}.`);
      if (typeof listener !== 'function') throw new TypeError('subscribe() needs a listener function.');
      let channelListeners = listeners.get(channel);
      if (!channelListeners) {
        channelListeners = new Set();
        listeners.set(channel, channelListeners);
      }
      // Each subscription is its own entry, so subscribing the same function twice needs two unsubscribes.
      const entry: Listener = (payload) => listener(payload);
      channelListeners.add(entry);
      return () => {
        channelListeners.delete(entry);
      };
    },
  };
}
