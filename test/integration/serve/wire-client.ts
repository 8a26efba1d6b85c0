import WebSocket from 'ws';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import { messagesOfFrame, type InvokeResult, type WireFrame, type WireMessage } from '../../../shared/ipc/wire';
import type { QueryEvent } from '../../../shared/model/query';

export interface WireOptions {
  /**
   * Acknowledge each rows event as it arrives (query/ack), as the renderer does; true by default.
   * Without acks a run stops after its window of rows events.
   */
  autoAck?: boolean;
}

export interface WireClient {
  socket: WebSocket;
  /** Sends a well-formed request and waits for its reply. */
  request(channel: InvokeChannel, input: unknown): Promise<InvokeResult>;
  /** Sends any text and waits for the reply carrying `id`. */
  requestRaw(id: number, text: string): Promise<InvokeResult>;
  /** How many frames the server has sent so far (a batch counts once). */
  frames(): number;
  /** Every event received so far, in order, with the number of the frame (from 1) that carried it. */
  events: { channel: EventChannel; payload: unknown; frame: number }[];
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  close(): void;
}

/** A Node WebSocket client speaking the headless host's wire format, as the renderer does. */
export function connectWire(wsUrl: string, headers: Record<string, string> = {}, { autoAck = true }: WireOptions = {}): Promise<WireClient> {
  const socket = new WebSocket(wsUrl, { headers });
  const waiting = new Map<number, (result: InvokeResult) => void>();
  const events: WireClient['events'] = [];
  let nextId = 1000;
  const ack = (runId: string) => {
    const id = nextId++;
    socket.send(JSON.stringify({ id, channel: 'query/ack', input: { runId, batches: 1 } }));
  };
  let frames = 0;
  const deliver = (message: WireMessage) => {
    if (message.kind === 'event') {
      events.push({ channel: message.channel, payload: message.payload, frame: frames });
      const event = message.payload as QueryEvent;
      if (autoAck && message.channel === 'query/event' && event.type === 'rows') ack(event.runId);
    } else {
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      resolve?.(message.result);
    }
  };
  socket.on('message', (data) => {
    frames++;
    for (const message of messagesOfFrame(JSON.parse(String(data)) as WireFrame)) deliver(message);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const requestRaw = (id: number, text: string) =>
    new Promise<InvokeResult>((resolve) => {
      waiting.set(id, resolve);
      socket.send(text);
    });

  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`Upgrade refused with HTTP ${res.statusCode}`)));
    socket.once('open', () =>
      resolve({
        socket,
        frames: () => frames,
        events,
        closed,
        requestRaw,
        request: (channel, input) => {
          const id = nextId++;
          return requestRaw(id, JSON.stringify({ id, channel, input }));
        },
        close: () => socket.close(),
      }),
    );
  });
}

/** Attempts an upgrade and reports the HTTP status the server answered with (101 when accepted). */
export function upgradeStatus(wsUrl: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, { headers });
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', reject);
  });
}
