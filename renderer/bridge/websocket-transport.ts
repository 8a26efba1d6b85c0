import { decodeBinaryFrame } from '../../shared/ipc/binary-frame';
import type { EventChannel } from '../../shared/ipc/channels';
import { messagesOfDecodedFrame, type InvokeResult, type StrataBridge, type WireMessage, type WireRequest } from '../../shared/ipc/wire';

const RECONNECT_DELAY_MS = 1000;
/** Attempts before a waiting call is told the host cannot be reached (later calls try again). */
const ATTEMPTS_BEFORE_GIVING_UP = 3;
const LOST_MESSAGE = 'The connection to the Strata host was lost. Check that `npm run serve` is still running.';
const UNREACHABLE_MESSAGE =
  'Could not reach the Strata host. It may have stopped, or restarted with a new token: open the URL that `npm run serve` printed.';

/**
 * The headless host's transport over one WebSocket at /ws?token=…: JSON text frames (single messages
 * or batches) and binary frames (one message carrying result batches), handled in the order they
 * arrive. It reconnects when the server goes away. Calls made while disconnected wait for the next
 * connection; calls in flight when the socket drops fail with CONNECTION so the UI can say so.
 */
export function createWebSocketTransport(url: string): StrataBridge {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: InvokeResult) => void>();
  const listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  let ready: Promise<WebSocket | null> | null = null;

  /** Resolves with an open socket, or null when the host refused or did not answer several times. */
  function connect(): Promise<WebSocket | null> {
    ready ??= new Promise<WebSocket | null>((resolve) => {
      let attempts = 0;
      const open = () => {
        attempts += 1;
        const ws = new WebSocket(url);
        // ArrayBuffers arrive with the message event itself, so binary and text frames keep their order.
        ws.binaryType = 'arraybuffer';
        ws.addEventListener('open', () => {
          socket = ws;
          resolve(ws);
        });
        ws.addEventListener('message', (event: MessageEvent<unknown>) => receive(event.data));
        ws.addEventListener('close', () => {
          if (socket === ws) {
            socket = null;
            ready = null;
            failPending(LOST_MESSAGE);
          } else if (attempts >= ATTEMPTS_BEFORE_GIVING_UP) {
            ready = null;
            resolve(null);
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

  /** Handles one frame; a frame that cannot be decoded is dropped and the socket carries on. */
  function receive(data: unknown): void {
    let frame: unknown;
    try {
      frame = data instanceof ArrayBuffer ? decodeBinaryFrame(new Uint8Array(data)) : JSON.parse(String(data));
    } catch {
      return;
    }
    for (const message of messagesOfDecodedFrame(frame)) deliver(message);
  }

  function deliver(message: WireMessage): void {
    if (message.kind === 'reply') {
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.result);
    } else if (message.kind === 'event') {
      for (const listener of [...(listeners.get(message.channel) ?? [])]) {
        try {
          listener(message.payload);
        } catch (error) {
          // One failing listener must not starve the others, nor the messages after it in a batch.
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }

  return {
    async invoke(channel, input) {
      const ws = await connect();
      if (!ws) return { ok: false, error: { code: 'CONNECTION', message: UNREACHABLE_MESSAGE } };
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
