import WebSocket from 'ws';
import { decodeBinaryFrame } from '../../../shared/ipc/binary-frame';
import type { EventChannel, InvokeChannel } from '../../../shared/ipc/channels';
import { messagesOfFrame, type InvokeResult, type WireFrame, type WireMessage } from '../../../shared/ipc/wire';
import type { Cell, QueryEvent } from '../../../shared/model/query';
import { batchRows } from '../../../shared/result-batch/read';

export interface WireOptions {
  /**
   * Acknowledge each batch event as it arrives (query/ack), as the renderer does; true by default.
   * Without acks a run stops after its window of batch events.
   */
  autoAck?: boolean;
}

export interface ReceivedEvent {
  channel: EventChannel;
  payload: unknown;
  /** The number of the frame (from 1) that carried the event. */
  frame: number;
  /** Whether that frame was a binary one. */
  binary: boolean;
}

export interface WireClient {
  socket: WebSocket;
  /** Sends a well-formed request and waits for its reply. */
  request(channel: InvokeChannel, input: unknown): Promise<InvokeResult>;
  /** Sends any text and waits for the reply carrying `id`. */
  requestRaw(id: number, text: string): Promise<InvokeResult>;
  /** How many frames the server has sent so far (a batch counts once). */
  frames(): number;
  /** Every event received so far, in order. */
  events: ReceivedEvent[];
  /** Every reply received so far, in order, including replies nobody waited for. */
  replies: { id: number; binary: boolean }[];
  /** The query/event entries of one run, in order. */
  runEvents(runId: string): (ReceivedEvent & { payload: QueryEvent })[];
  /** Whether the run's run-end event has arrived. */
  runEnded(runId: string): boolean;
  /** The rows of one statement of a run received so far, decoded from its batch events as display text. */
  statementRows(runId: string, index?: number): Cell[][];
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  close(): void;
}

/** The bytes of a binary frame as a plain Uint8Array, not a Buffer, as a browser would see them. */
function frameBytes(data: WebSocket.RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const buffer = Array.isArray(data) ? Buffer.concat(data) : data;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/** A Node WebSocket client speaking the headless host's wire format, as the renderer does. */
export function connectWire(wsUrl: string, headers: Record<string, string> = {}, { autoAck = true }: WireOptions = {}): Promise<WireClient> {
  const socket = new WebSocket(wsUrl, { headers });
  // As in the renderer: each binary frame arrives in a fresh ArrayBuffer.
  socket.binaryType = 'arraybuffer';
  const waiting = new Map<number, (result: InvokeResult) => void>();
  const events: ReceivedEvent[] = [];
  const replies: WireClient['replies'] = [];
  let nextId = 1000;
  const ack = (runId: string) => {
    const id = nextId++;
    socket.send(JSON.stringify({ id, channel: 'query/ack', input: { runId, batches: 1 } }));
  };
  let frames = 0;
  const deliver = (message: WireMessage, binary: boolean) => {
    if (message.kind === 'event') {
      events.push({ channel: message.channel, payload: message.payload, frame: frames, binary });
      const event = message.payload as QueryEvent;
      if (autoAck && message.channel === 'query/event' && event.type === 'batch') ack(event.runId);
    } else {
      replies.push({ id: message.id, binary });
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      resolve?.(message.result);
    }
  };
  socket.on('message', (data, isBinary) => {
    frames++;
    if (isBinary) deliver(decodeBinaryFrame(frameBytes(data)) as WireMessage, true);
    else for (const message of messagesOfFrame(JSON.parse(String(data)) as WireFrame)) deliver(message, false);
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const requestRaw = (id: number, text: string) =>
    new Promise<InvokeResult>((resolve) => {
      waiting.set(id, resolve);
      socket.send(text);
    });
  const runEvents = (runId: string) =>
    events.filter(
      (entry): entry is ReceivedEvent & { payload: QueryEvent } => entry.channel === 'query/event' && (entry.payload as QueryEvent).runId === runId,
    );

  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`Upgrade refused with HTTP ${res.statusCode}`)));
    socket.once('open', () =>
      resolve({
        socket,
        frames: () => frames,
        events,
        replies,
        runEvents,
        runEnded: (runId) => runEvents(runId).some((entry) => entry.payload.type === 'run-end'),
        statementRows: (runId, index = 0) =>
          runEvents(runId)
            .map((entry) => entry.payload)
            .filter((event) => event.type === 'batch' && event.index === index)
            .flatMap((event) => (event.type === 'batch' ? batchRows(event.batch) : [])),
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
