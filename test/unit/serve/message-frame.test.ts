import { describe, expect, it } from 'vitest';
import { frameOfMessage } from '../../../electron/serve/message-frame';
import { createOutbox, type OutgoingFrame } from '../../../electron/serve/outbox';
import { decodeBinaryFrame, joinFrameParts } from '../../../shared/ipc/binary-frame';
import { messagesOfFrame, type WireFrame, type WireMessage } from '../../../shared/ipc/wire';
import type { QueryEvent, ResultPage } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';

const batch = encodeResultBatch(
  [
    { kind: 'int64', values: [1n, 9223372036854775807n, null] },
    { kind: 'bytes', values: [new Uint8Array([0xde, 0xad]), null, new Uint8Array(0)] },
    { kind: 'text', values: ['ünïcödé', '', null] },
  ],
  3,
);
const rowsOfBatch = [
  ['1', '\\xdead', 'ünïcödé'],
  ['9223372036854775807', null, ''],
  [null, '\\x', null],
];

const queryEvent = (event: QueryEvent): WireMessage => ({ kind: 'event', channel: 'query/event', payload: event });
const batchMessage = queryEvent({ type: 'batch', runId: 'r', index: 0, firstRow: 0, batch });
const pageReply: WireMessage = { kind: 'reply', id: 9, result: { ok: true, value: { batches: [{ firstRow: 100, batch }] } satisfies ResultPage } };

function decode(frame: OutgoingFrame): readonly WireMessage[] {
  if (typeof frame === 'string') return messagesOfFrame(JSON.parse(frame) as WireFrame);
  return [decodeBinaryFrame(frame instanceof Uint8Array ? frame : joinFrameParts(frame.parts)) as WireMessage];
}

describe('frameOfMessage', () => {
  it('puts a batch event in a binary frame whose batch reads back the same values', () => {
    const frame = frameOfMessage(batchMessage);
    // In pieces, the batch's own bytes among them: written without being copied into one buffer.
    expect(typeof frame === 'object' && 'parts' in frame && frame.parts.includes(batch.bytes)).toBe(true);
    const [message] = decode(frame);
    const event = (message as { payload: QueryEvent }).payload;
    expect(event).toMatchObject({ type: 'batch', runId: 'r', index: 0, firstRow: 0 });
    expect(event.type === 'batch' && batchRows(event.batch)).toEqual(rowsOfBatch);
  });

  it('puts a query/page reply in a binary frame whose batches read back the same values', () => {
    const frame = frameOfMessage(pageReply);
    expect(typeof frame === 'object' && 'parts' in frame).toBe(true);
    const [message] = decode(frame);
    expect(message).toMatchObject({ kind: 'reply', id: 9, result: { ok: true } });
    const page = (message as { result: { value: ResultPage } }).result.value;
    expect(page.batches.map((entry) => [entry.firstRow, batchRows(entry.batch)])).toEqual([[100, rowsOfBatch]]);
  });

  it('keeps every other message as JSON text', () => {
    const others: WireMessage[] = [
      queryEvent({ type: 'columns', runId: 'r', index: 0, columns: [{ name: 'n', dataType: 'int8', category: 'number' }] }),
      queryEvent({ type: 'spooled', runId: 'r', index: 0, spooledFrom: 10, rowCount: 20 }),
      { kind: 'event', channel: 'connection/state', payload: { id: 'c', state: 'open' } },
      { kind: 'reply', id: 1, result: { ok: true, value: { granted: 1 } } },
      { kind: 'reply', id: 2, result: { ok: true, value: null } },
      { kind: 'reply', id: 3, result: { ok: false, error: { code: 'NOT_FOUND', message: 'No such run.' } } },
    ];
    for (const message of others) {
      const frame = frameOfMessage(message);
      expect(typeof frame).toBe('string');
      expect(JSON.parse(frame as string)).toEqual(message);
    }
  });

  it('throws for a message that cannot be serialised, so the host can answer with an error instead', () => {
    expect(() => frameOfMessage({ kind: 'reply', id: 1, result: { ok: true, value: { big: 1n } } })).toThrow();
    expect(() => frameOfMessage(queryEvent({ type: 'batch', runId: 'r', index: 0, firstRow: 0, batch: { ...batch, rowCount: 1n as never } }))).toThrow();
  });
});

describe('a run through frameOfMessage and the outbox', () => {
  it('arrives in the order it was produced, text coalesced and each batch in a binary frame of its own', async () => {
    const frames: OutgoingFrame[] = [];
    const outbox = createOutbox({ write: (frame) => frames.push(frame) });
    const run: WireMessage[] = [
      { kind: 'reply', id: 1, result: { ok: true, value: { runId: 'r', statements: 1 } } },
      queryEvent({ type: 'statement-start', runId: 'r', index: 0, sql: 'SELECT', offset: 0 }),
      queryEvent({ type: 'columns', runId: 'r', index: 0, columns: [] }),
      batchMessage,
      queryEvent({ type: 'batch', runId: 'r', index: 0, firstRow: 3, batch }),
      queryEvent({ type: 'statement-end', runId: 'r', index: 0, rowCount: 6, affectedRows: null, command: 'SELECT', durationMs: 1 }),
      queryEvent({ type: 'run-end', runId: 'r', status: 'ok', durationMs: 1, statements: 1, schemaChanged: false }),
    ];
    for (const message of run) outbox.push(frameOfMessage(message));
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(frames.map((frame) => (typeof frame === 'string' ? 'text' : 'binary'))).toEqual(['text', 'binary', 'binary', 'text']);
    const received = frames.flatMap((frame) => decode(frame));
    expect(received).toEqual(run);
  });
});
