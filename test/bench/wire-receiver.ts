import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { InvokeChannel } from '../../shared/ipc/channels';
import { DEFAULT_RUN_WINDOW } from '../../shared/ipc/contract';
import { decodeBinaryFrame } from '../../shared/ipc/binary-frame';
import { messagesOfFrame, type InvokeResult, type WireFrame, type WireMessage } from '../../shared/ipc/wire';
import type { QueryEvent } from '../../shared/model/query';
import { ResultStore } from '../../renderer/features/results/result-store';
import { createRunAcks } from '../../renderer/store/run-acks';

export interface RunOutcome {
  rows: number;
  /** From sending query/run to the first rows batch decoded and stored. */
  firstBatchMs: number | null;
  totalMs: number;
  batches: number;
  /** Bytes received for the run's events (text and binary frames). */
  wireBytes: number;
  status: string;
}

/**
 * The renderer's side of the headless host, in Node: one WebSocket; JSON text frames (single
 * messages or batches) and binary frames (result batches, decoded without copying their bytes);
 * batches appended to the renderer's own ResultStore and acknowledged as renderer/store/runs-slice.ts does.
 */
export class WireReceiver {
  private nextId = 1;
  private nextRun = 1;
  private readonly waiting = new Map<number, (result: InvokeResult) => void>();
  private readonly runs = new Map<string, (event: QueryEvent, bytes: number) => void>();
  /** Text length of the last reply received, to show how big a reply was. */
  lastReplyBytes = 0;
  private readonly acks = createRunAcks((runId, batches) => this.send('query/ack', { runId, batches }));

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.receiveMessage(decodeBinaryFrame(data) as WireMessage, data.byteLength);
      else this.receiveFrame(data);
    });
  }

  private receiveFrame(data: Buffer): void {
    const text = data.toString('utf8');
    const messages = messagesOfFrame(decodeFrame(text));
    // A batch's text is shared out evenly; large messages always travel alone, so their size is exact.
    const bytes = Math.round(text.length / messages.length);
    for (const message of messages) this.receiveMessage(message, bytes);
  }

  private receiveMessage(message: WireMessage, bytes: number): void {
    if (message.kind === 'reply') {
      this.lastReplyBytes = bytes;
      const settle = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      settle?.(message.result);
    } else if (message.channel === 'query/event') {
      const event = message.payload as QueryEvent;
      this.runs.get(event.runId)?.(event, bytes);
    }
  }

  static connect(wsUrl: string): Promise<WireReceiver> {
    const socket = new WebSocket(wsUrl, { perMessageDeflate: false });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`The host refused the WebSocket with HTTP ${res.statusCode}.`)));
      socket.once('open', () => resolve(new WireReceiver(socket)));
    });
  }

  /** Invokes a channel and returns its value, throwing the host's error message when it failed. */
  async call<T>(channel: InvokeChannel, input: unknown): Promise<T> {
    const result = await new Promise<InvokeResult>((resolve) => {
      const id = this.send(channel, input);
      this.waiting.set(id, resolve);
    });
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  }

  /** Runs `sql` and resolves at run-end, with the rows kept in a ResultStore until then. */
  run(connectionId: string, sql: string): Promise<RunOutcome> {
    const runId = `bench-${this.nextRun++}`;
    const store = new ResultStore();
    const started = performance.now();
    let firstBatchMs: number | null = null;
    let batches = 0;
    let wireBytes = 0;
    let failure: string | null = null;
    return new Promise<RunOutcome>((resolve, reject) => {
      this.runs.set(runId, (event, bytes) => {
        wireBytes += bytes;
        switch (event.type) {
          case 'columns':
            store.setColumns(runId, event.index, event.columns);
            break;
          case 'spooled':
            store.markSpooled(runId, event.index, event.spooledFrom, event.rowCount);
            break;
          case 'batch':
            store.appendBatch(runId, event.index, event.firstRow, event.batch);
            this.acks.stored(runId);
            batches++;
            firstBatchMs ??= performance.now() - started;
            break;
          case 'statement-error':
            failure = `${event.error.code}: ${event.error.message}`;
            break;
          case 'run-end': {
            this.runs.delete(runId);
            this.acks.forget(runId);
            const rows = store.get(runId, 0)?.rowCount ?? 0;
            store.freeRun(runId);
            if (failure || event.status !== 'ok') reject(new Error(`The run ended with ${event.status}: ${failure ?? ''}`));
            else resolve({ rows, firstBatchMs, totalMs: performance.now() - started, batches, wireBytes, status: event.status });
            break;
          }
          default:
            break;
        }
      });
      this.call('query/run', { connectionId, runId, sql, window: DEFAULT_RUN_WINDOW }).catch((error: unknown) => {
        this.runs.delete(runId);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  close(): void {
    this.socket.close();
  }

  private send(channel: InvokeChannel, input: unknown): number {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, channel, input }));
    return id;
  }
}

/** JSON.parse of one text frame, named so that profiles show decoding apart from storing. */
function decodeFrame(text: string): WireFrame {
  return JSON.parse(text) as WireFrame;
}
