import type { EventChannel } from '../../shared/ipc/channels';
import type { InvokeResult, StrataBridge, WireMessage, WireRequest } from '../../shared/ipc/wire';

const RECONNECT_DELAY_MS = 1000;
const LOST_MESSAGE = 'The connection to the Strata host was lost. Check that `npm run serve` is still running.';

/**
 * The headless host's transport: JSON frames over one WebSocket at /ws?token=…, reconnecting when the
 * server goes away. Calls made while disconnected wait for the next connection; calls in flight when
 * the socket drops fail with CONNECTION so the UI can say so.
 */
export function createWebSocketTransport(url: string): StrataBridge {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: InvokeResult) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let ready: Promise<WebSocket> | null = null;

  function connect(): Promise<WebSocket> {
    ready ??= new Promise<WebSocket>((resolve) => {
      const open = () => {
        const ws = new WebSocket(url);
        ws.addEventListener('open', () => {
          socket = ws;
          resolve(ws);
        });
        ws.addEventListener('message', (event) => receive(String(event.data)));
        ws.addEventListener('close', () => {
          if (socket === ws) {
            socket = null;
            ready = null;
            failPending(LOST_MESSAGE);
          } else {
            setTimeout(open, RECONNECT_DELAY_MS);
          }
        });
      };
      open();
    });
    return ready;
  }

  function failPending(message: string): void {
    for (const [id, settle] of pending) {
      pending.delete(id);
      settle({ ok: false, error: { code: 'CONNECTION', message } });
    }
  }

  function receive(text: string): void {
    let message: WireMessage;
    try {
      message = JSON.parse(text) as WireMessage;
    } catch {
      return;
    }
    if (message.kind === 'reply') {
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.result);
    } else if (message.kind === 'event') {
      for (const listener of listeners.get(message.channel) ?? []) listener(message.payload);
    }
  }

  return {
    async invoke(channel, input) {
      const ws = await connect();
      const id = nextId++;
      const request: WireRequest = { id, channel, input };
      // The socket may have closed while this call waited for it; a send now would vanish silently.
      if (ws.readyState !== WebSocket.OPEN) return { ok: false, error: { code: 'CONNECTION', message: LOST_MESSAGE } };
      return new Promise<InvokeResult>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify(request));
      });
    },
    subscribe(channel, listener) {
      void connect();
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
