import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EventChannel } from '../../shared/ipc/channels';
import type { InvokeResult, WireMessage } from '../../shared/ipc/wire';
import { toStrataError } from '../core/errors';
import { frameOfMessage } from './message-frame';
import { createOutbox, type OutgoingFrame } from './outbox';
import { parseWireFrame } from './wire-frame';

/** Large enough for a 10 MB statement in any encoding, small enough to bound memory per frame. */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;

/** What the WebSocket endpoint needs from the core: one client per socket. */
export interface ClientSource {
  connectClient(emit: (channel: EventChannel, payload: unknown) => void): {
    invoke(channel: unknown, input: unknown): Promise<InvokeResult>;
    close(): void;
  };
}

export interface WebSocketEndpoint {
  /** Completes an upgrade that the caller has already authorised. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every open socket (and so every core client). */
  close(): Promise<void>;
}

export function createWebSocketEndpoint(core: ClientSource, log: (line: string) => void): WebSocketEndpoint {
  const server = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });

  server.on('connection', (socket: WebSocket) => {
    const outbox = createOutbox({
      write: (frame) => {
        if (socket.readyState !== socket.OPEN) return;
        if (typeof frame === 'string' || frame instanceof Uint8Array) {
          socket.send(frame);
          return;
        }
        // Fragments of one message, sent back to back: nothing can come between them.
        const last = frame.parts.length - 1;
        frame.parts.forEach((part, index) => socket.send(part, { binary: true, fin: index === last }));
      },
    });
    const send = (message: WireMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      let frame: OutgoingFrame;
      try {
        frame = frameOfMessage(message);
      } catch (error) {
        if (message.kind === 'event') {
          log(`Dropped an unserialisable ${message.channel} event: ${toStrataError(error).message}`);
          return;
        }
        frame = JSON.stringify({ kind: 'reply', id: message.id, result: { ok: false, error: toStrataError(error) } });
      }
      outbox.push(frame);
    };
    const client = core.connectClient((channel, payload) => send({ kind: 'event', channel, payload }));

    socket.on('message', (data: RawData, isBinary: boolean) => {
      // Clients send requests as JSON text only; binary frames travel from the host to clients.
      if (isBinary) return;
      const frame = parseWireFrame(rawText(data));
      if (frame.kind === 'invalid') {
        if (frame.id !== null) send({ kind: 'reply', id: frame.id, result: { ok: false, error: { code: 'INVALID_INPUT', message: frame.message } } });
        return;
      }
      const { id, channel, input } = frame.request;
      client.invoke(channel, input).then(
        (result) => send({ kind: 'reply', id, result }),
        (error: unknown) => send({ kind: 'reply', id, result: { ok: false, error: toStrataError(error) } }),
      );
    });
    socket.on('error', (error) => log(`WebSocket error: ${error.message}`));
    socket.on('close', () => {
      outbox.discard();
      client.close();
    });
  });

  return {
    accept(req, socket, head) {
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
    },
    close() {
      for (const socket of server.clients) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function rawText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
