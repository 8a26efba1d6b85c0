import { describe, expect, it } from 'vitest';
import { createOutbox, FLUSH_AT_CHARS, type OutgoingFrame } from '../../../electron/serve/outbox';
import { decodeBinaryFrame, encodeBinaryFrame, joinFrameParts } from '../../../shared/ipc/binary-frame';
import { messagesOfFrame, type WireFrame, type WireMessage } from '../../../shared/ipc/wire';

const event = (n: number, size = 0): WireMessage => ({ kind: 'event', channel: 'query/event', payload: { n, pad: 'x'.repeat(size) } });
const reply = (id: number): WireMessage => ({ kind: 'reply', id, result: { ok: true, value: null } });
const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function recordingOutbox() {
  const frames: OutgoingFrame[] = [];
  const outbox = createOutbox({ write: (frame) => frames.push(frame) });
  const push = (message: WireMessage) => outbox.push(JSON.stringify(message));
  const pushBinary = (message: WireMessage) => outbox.push(encodeBinaryFrame(message));
  const decoded = () =>
    frames.map((frame) =>
      typeof frame === 'string'
        ? messagesOfFrame(JSON.parse(frame) as WireFrame)
        : [decodeBinaryFrame(frame instanceof Uint8Array ? frame : joinFrameParts(frame.parts)) as WireMessage],
    );
  /** 'text' or 'binary' per frame written so far. */
  const kinds = () => frames.map((frame) => (typeof frame === 'string' ? 'text' : 'binary'));
  return { frames, outbox, push, pushBinary, decoded, kinds };
}

const batchEvent = (n: number): WireMessage => ({ kind: 'event', channel: 'query/event', payload: { n, bytes: new Uint8Array([n, 0, 255]) } });

describe('createOutbox', () => {
  it('writes nothing until the macrotask that queued the messages is over', () => {
    const { frames, push } = recordingOutbox();
    push(event(1));
    push(reply(1));
    expect(frames).toEqual([]);
  });

  it('sends the messages of one macrotask as one batch frame, in order', async () => {
    const { frames, push, decoded } = recordingOutbox();
    const sent = [event(1), event(2), event(3), reply(7), event(4)];
    for (const message of sent) push(message);
    await nextMacrotask();
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0] as string)).toMatchObject({ kind: 'batch' });
    expect(decoded()).toEqual([sent]);
  });

  it('sends a lone message as a plain frame, not a batch', async () => {
    const { frames, push } = recordingOutbox();
    push(reply(3));
    await nextMacrotask();
    expect(frames.map((text) => JSON.parse(text as string) as unknown)).toEqual([reply(3)]);
  });

  it('starts a new frame for each macrotask', async () => {
    const { push, decoded } = recordingOutbox();
    push(event(1));
    push(event(2));
    await nextMacrotask();
    push(event(3));
    await nextMacrotask();
    expect(decoded()).toEqual([[event(1), event(2)], [event(3)]]);
  });

  it('writes a large message at once and alone, after what was queued before it', () => {
    const { frames, push, decoded } = recordingOutbox();
    const big = event(2, FLUSH_AT_CHARS);
    push(event(1));
    push(big);
    expect(frames).toHaveLength(2);
    expect(decoded()).toEqual([[event(1)], [big]]);
    expect(JSON.parse(frames[1] as string)).toEqual(big);
  });

  it('writes at once when small messages add up to a large frame', async () => {
    const { frames, push, decoded } = recordingOutbox();
    const third = Math.ceil(FLUSH_AT_CHARS / 3);
    const sent = [event(1, third), event(2, third), event(3, third)];
    for (const message of sent) push(message);
    expect(decoded()).toEqual([sent]);
    push(event(4));
    await nextMacrotask();
    expect(frames).toHaveLength(2);
    expect(decoded()[1]).toEqual([event(4)]);
  });

  it('flush writes the queue now and leaves nothing for later', async () => {
    const { frames, outbox, push } = recordingOutbox();
    push(event(1));
    outbox.flush();
    expect(frames).toHaveLength(1);
    await nextMacrotask();
    expect(frames).toHaveLength(1);
  });

  it('writes a binary frame at once and alone, after the text queued before it', () => {
    const { frames, push, pushBinary, decoded, kinds } = recordingOutbox();
    push(event(1));
    push(event(2));
    pushBinary(batchEvent(3));
    expect(kinds()).toEqual(['text', 'binary']);
    expect(decoded()).toEqual([[event(1), event(2)], [batchEvent(3)]]);
    expect(frames[1]).toBeInstanceOf(Uint8Array);
  });

  it('writes a binary frame with nothing queued before it as the only frame', () => {
    const { pushBinary, decoded, kinds } = recordingOutbox();
    pushBinary(batchEvent(1));
    expect(kinds()).toEqual(['binary']);
    expect(decoded()).toEqual([[batchEvent(1)]]);
  });

  it('keeps the order of text and binary messages mixed within one macrotask', async () => {
    const { push, pushBinary, decoded, kinds } = recordingOutbox();
    push(event(1));
    push(event(2));
    pushBinary(batchEvent(3));
    pushBinary(batchEvent(4));
    push(event(5));
    pushBinary(batchEvent(6));
    push(event(7));
    push(reply(8));
    expect(kinds()).toEqual(['text', 'binary', 'binary', 'text', 'binary']);
    await nextMacrotask();
    expect(kinds()).toEqual(['text', 'binary', 'binary', 'text', 'binary', 'text']);
    expect(decoded()).toEqual([[event(1), event(2)], [batchEvent(3)], [batchEvent(4)], [event(5)], [batchEvent(6)], [event(7), reply(8)]]);
  });

  it('sends text queued after a binary frame at the end of the macrotask, not before', async () => {
    const { push, pushBinary, kinds } = recordingOutbox();
    pushBinary(batchEvent(1));
    push(event(2));
    expect(kinds()).toEqual(['binary']);
    await nextMacrotask();
    expect(kinds()).toEqual(['binary', 'text']);
  });

  it('discard drops the queue of a closed socket', async () => {
    const { frames, outbox, push } = recordingOutbox();
    push(event(1));
    outbox.discard();
    await nextMacrotask();
    expect(frames).toEqual([]);
  });
});
