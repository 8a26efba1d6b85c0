import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { createWebSocketTransport } from '../../../renderer/bridge/websocket-transport';
import { encodeBinaryFrame } from '../../../shared/ipc/binary-frame';
import type { StrataBridge, WireMessage, WireRequest } from '../../../shared/ipc/wire';
import type { QueryEvent, ResultPage } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';

// The renderer's transport against a real WebSocket server (the `ws` package standing in for the
// browser's WebSocket, which Node 20 lacks), the server playing the host.

const batch = encodeResultBatch(
  [
    { kind: 'int32', values: [1, 2, null] },
    { kind: 'bytes', values: [new Uint8Array([0, 255]), null, new Uint8Array([0xab])] },
  ],
  3,
);
const batchEvent = (firstRow: number): QueryEvent => ({ type: 'batch', runId: 'r', index: 0, firstRow, batch });
const textEvent = (type: 'statement-start' | 'run-end'): QueryEvent =>
  type === 'run-end'
    ? { type, runId: 'r', status: 'ok', durationMs: 1, statements: 1, schemaChanged: false }
    : { type, runId: 'r', index: 0, sql: 'SELECT', offset: 0 };
const eventMessage = (payload: QueryEvent): WireMessage => ({ kind: 'event', channel: 'query/event', payload });

let server: WebSocketServer;
let url: string;
let hostSocket: Promise<WebSocket>;

beforeEach(async () => {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  hostSocket = new Promise((resolve) => server.once('connection', resolve));
  await new Promise<void>((resolve) => server.once('listening', resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ws`;
  vi.stubGlobal('WebSocket', WebSocket);
});

afterEach(async () => {
  vi.unstubAllGlobals();
  for (const client of server.clients) client.terminate();
  await new Promise((resolve) => server.close(resolve));
});

/** A transport subscribed to query/event, and the host's end of its socket. */
async function connected(): Promise<{ transport: StrataBridge; received: QueryEvent[]; host: WebSocket }> {
  const transport = createWebSocketTransport(url);
  const received: QueryEvent[] = [];
  transport.subscribe('query/event', (payload) => received.push(payload as QueryEvent));
  return { transport, received, host: await hostSocket };
}

/** Answers every request the transport sends with `reply(request)`, as a binary or text frame. */
function answer(host: WebSocket, reply: (request: WireRequest) => { frame: 'text' | 'binary'; message: WireMessage }): void {
  host.on('message', (data) => {
    const { frame, message } = reply(JSON.parse(String(data)) as WireRequest);
    host.send(frame === 'binary' ? encodeBinaryFrame(message) : JSON.stringify(message));
  });
}

describe('the renderer WebSocket transport', () => {
  it('delivers events from text, batched text and binary frames in the order they arrive', async () => {
    const { received, host } = await connected();
    host.send(JSON.stringify(eventMessage(textEvent('statement-start'))));
    host.send(encodeBinaryFrame(eventMessage(batchEvent(0))));
    host.send(JSON.stringify({ kind: 'batch', messages: [eventMessage({ type: 'notice', runId: 'r', index: 0, message: 'hi' })] }));
    host.send(encodeBinaryFrame(eventMessage(batchEvent(3))));
    host.send(JSON.stringify(eventMessage(textEvent('run-end'))));
    await vi.waitFor(() => expect(received.at(-1)?.type).toBe('run-end'));
    expect(received.map((event) => event.type)).toEqual(['statement-start', 'batch', 'notice', 'batch', 'run-end']);
    const batches = received.filter((event) => event.type === 'batch');
    expect(batches.map((event) => event.firstRow)).toEqual([0, 3]);
    for (const event of batches) {
      expect(event.batch.bytes).toBeInstanceOf(Uint8Array);
      expect(batchRows(event.batch)).toEqual([
        ['1', '\\x00ff'],
        ['2', null],
        [null, '\\xab'],
      ]);
    }
  });

  it('resolves an invoke whose reply comes in a binary frame, with its batches intact', async () => {
    const { transport, host } = await connected();
    answer(host, (request) => ({ frame: 'binary', message: { kind: 'reply', id: request.id, result: { ok: true, value: { batches: [{ firstRow: 7, batch }] } } } }));
    const result = await transport.invoke('query/page', { runId: 'r', index: 0, fromRow: 7, rowCount: 3 });
    expect(result.ok).toBe(true);
    const page = (result as { value: ResultPage }).value;
    expect(page.batches[0].firstRow).toBe(7);
    expect(batchRows(page.batches[0].batch)).toEqual(batchRows(batch));
  });

  it('drops malformed frames, keeps the socket and delivers what comes after them', async () => {
    const { transport, received, host } = await connected();
    const cutShort = encodeBinaryFrame(eventMessage(batchEvent(0)));
    const malformed: (string | Uint8Array)[] = [
      new Uint8Array([1, 2]),
      new Uint8Array([255, 255, 255, 127, 0, 0, 0, 0]),
      cutShort.subarray(0, cutShort.byteLength - 8),
      encodeBinaryFrame(null),
      encodeBinaryFrame(42),
      encodeBinaryFrame({ kind: 'batch', messages: 'none' }),
      new TextEncoder().encode('{"kind":"event","channel":"query/event"}'),
      'not json',
      'null',
      '{"kind":"batch","messages":[null,7]}',
    ];
    for (const frame of malformed) host.send(frame);
    host.send(JSON.stringify(eventMessage(textEvent('run-end'))));
    await vi.waitFor(() => expect(received).toHaveLength(1));
    expect(received[0].type).toBe('run-end');

    answer(host, (request) => ({ frame: 'text', message: { kind: 'reply', id: request.id, result: { ok: true, value: 'still here' } } }));
    expect(await transport.invoke('app/info', {})).toEqual({ ok: true, value: 'still here' });
  });

  it('keeps delivering to other listeners and later messages when one listener throws', async () => {
    const { transport, received, host } = await connected();
    const failures: unknown[] = [];
    const onError = (error: unknown) => failures.push(error);
    process.on('uncaughtException', onError);
    try {
      transport.subscribe('query/event', () => {
        throw new Error('a listener bug');
      });
      transport.subscribe('query/event', () => undefined);
      host.send(JSON.stringify({ kind: 'batch', messages: [eventMessage(textEvent('statement-start')), eventMessage(textEvent('run-end'))] }));
      await vi.waitFor(() => expect(received).toHaveLength(2));
      await vi.waitFor(() => expect(failures).toHaveLength(2));
    } finally {
      process.off('uncaughtException', onError);
    }
    expect(received.map((event) => event.type)).toEqual(['statement-start', 'run-end']);
  });
});
