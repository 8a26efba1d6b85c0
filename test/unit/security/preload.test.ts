import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../../shared/ipc/channels';
import type { StrataBridge } from '../../../shared/ipc/wire';
import type { QueryEvent, ResultPage } from '../../../shared/model/query';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';
import { IPC_EVENT, IPC_INVOKE } from '../../../electron/shell/ipc-names';
import { createPreloadApi, type PreloadIpc } from '../../../electron/shell/preload-api';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for ipcRenderer that records every call and lets the test emit events. */
function recordingIpc(reply: unknown = { ok: true, value: 'pong' }) {
  const invokes: unknown[][] = [];
  const listeners: { channel: string; listener: IpcListener }[] = [];
  const ipc: PreloadIpc = {
    async invoke(...args) {
      invokes.push(args);
      return reply;
    },
    on(channel, listener) {
      listeners.push({ channel, listener });
    },
  };
  const emit = (...args: unknown[]) => {
    const event = { sender: 'ipcRenderer itself', senderId: 0, ports: [] };
    for (const entry of listeners) if (entry.channel === IPC_EVENT) entry.listener(event, ...args);
  };
  return { ipc, invokes, listeners, emit };
}

const batch = encodeResultBatch(
  [
    { kind: 'bytes', values: [new Uint8Array([0, 1, 127, 128, 255]), null] },
    { kind: 'int64', values: [-9223372036854775808n, 42n] },
    { kind: 'text', values: ['ünïcödé', null] },
  ],
  2,
);
const batchRowsText = [
  ['\\x00017f80ff', '-9223372036854775808', 'ünïcödé'],
  [null, '42', null],
];
/** A batch event as webContents.send delivers it to the preload: a structured clone of what main sent. */
const sentBatchEvent = (): QueryEvent => structuredClone({ type: 'batch', runId: 'r1', index: 0, firstRow: 0, batch });
/** A query/page reply as ipcRenderer.invoke resolves it: a structured clone of main's InvokeResult. */
const pageReply = () => structuredClone({ ok: true, value: { batches: [{ firstRow: 50, batch }] } satisfies ResultPage });

function expectBatchIntact(received: unknown): void {
  const bytes = (received as { batch: { bytes: unknown } }).batch.bytes;
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(Buffer.from(bytes as Uint8Array).equals(Buffer.from(batch.bytes))).toBe(true);
  expect(batchRows((received as { batch: typeof batch }).batch)).toEqual(batchRowsText);
}

describe('createPreloadApi', () => {
  it('exposes exactly invoke and subscribe', () => {
    const api = createPreloadApi(recordingIpc().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
  });

  it('forwards every allow-listed channel over strata:invoke and returns the reply', async () => {
    const { ipc, invokes } = recordingIpc();
    const api = createPreloadApi(ipc);
    for (const channel of INVOKE_CHANNELS) {
      await expect(api.invoke(channel, { probe: channel })).resolves.toEqual({ ok: true, value: 'pong' });
    }
    expect(invokes).toEqual(INVOKE_CHANNELS.map((channel) => [IPC_INVOKE, channel, { probe: channel }]));
  });

  it.each(['shell/open-external', 'fs/read', '__proto__', 'constructor', 'app/info ', 'APP/INFO', ''])(
    'rejects the unknown channel %j without touching ipc',
    async (channel) => {
      const { ipc, invokes } = recordingIpc();
      const api = createPreloadApi(ipc);
      const result = await api.invoke(channel as never, {});
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.error.code).toBe('INVALID_INPUT');
      expect(invokes).toEqual([]);
    },
  );

  it('rejects non-string channels without touching ipc', async () => {
    const { ipc, invokes } = recordingIpc();
    const api = createPreloadApi(ipc);
    for (const channel of [null, undefined, 42, {}, ['app/info']]) {
      expect((await api.invoke(channel as never, {})).ok).toBe(false);
    }
    expect(invokes).toEqual([]);
  });

  it('turns a failed ipc call into an error value instead of throwing', async () => {
    const ipc: PreloadIpc = {
      invoke: () => Promise.reject(new Error("Error invoking remote method 'strata:invoke': secret internals")),
      on: () => undefined,
    };
    const result = await createPreloadApi(ipc).invoke('app/info', {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
  });

  it('registers one ipc listener and hands listeners only the payload, never the event', () => {
    const { ipc, listeners, emit } = recordingIpc();
    const api = createPreloadApi(ipc);
    const received: unknown[][] = [];
    api.subscribe('query/event', (...args: unknown[]) => received.push(args));
    api.subscribe('connection/state', (...args: unknown[]) => received.push(args));
    expect(listeners.map((entry) => entry.channel)).toEqual([IPC_EVENT]);

    emit('query/event', { runId: 'r1' });
    expect(received).toEqual([[{ runId: 'r1' }]]);
  });

  it('delivers events only to subscribers of that channel and ignores unknown channels', () => {
    const { ipc, emit } = recordingIpc();
    const api = createPreloadApi(ipc);
    const queries: unknown[] = [];
    const states: unknown[] = [];
    api.subscribe('query/event', (payload) => queries.push(payload));
    api.subscribe('connection/state', (payload) => states.push(payload));
    emit('connection/state', { id: 'c1', state: 'open' });
    emit('not/a-channel', { x: 1 });
    emit(undefined, { x: 2 });
    expect(queries).toEqual([]);
    expect(states).toEqual([{ id: 'c1', state: 'open' }]);
  });

  it('stops delivering after unsubscribe', () => {
    const { ipc, emit } = recordingIpc();
    const api = createPreloadApi(ipc);
    const received: unknown[] = [];
    const unsubscribe = api.subscribe('query/event', (payload) => received.push(payload));
    emit('query/event', 1);
    unsubscribe();
    emit('query/event', 2);
    unsubscribe();
    expect(received).toEqual([1]);
  });

  it("hands a batch event's Uint8Array to the page's listener as is, byte-identical to what main sent", () => {
    const { ipc, emit } = recordingIpc();
    const api = createPreloadApi(ipc);
    const received: unknown[] = [];
    api.subscribe('query/event', (payload) => received.push(payload));
    const sent = sentBatchEvent();
    emit('query/event', sent);
    expect(received).toHaveLength(1);
    expect(received[0]).toBe(sent);
    expectBatchIntact(received[0]);
  });

  it('returns a query/page reply with its batches as Uint8Arrays, byte-identical to what main sent', async () => {
    const reply = pageReply();
    const result = await createPreloadApi(recordingIpc(reply).ipc).invoke('query/page', { runId: 'r1', index: 0, fromRow: 50, rowCount: 2 });
    expect(result).toBe(reply);
    expect(result.ok && (result.value as ResultPage).batches[0].firstRow).toBe(50);
    expectBatchIntact((result as { value: ResultPage }).value.batches[0]);
  });

  it('refuses to subscribe to unknown event channels', () => {
    const api = createPreloadApi(recordingIpc().ipc);
    expect(() => api.subscribe('ipc/raw' as never, () => undefined)).toThrow(TypeError);
    expect(EVENT_CHANNELS.length).toBeGreaterThan(0);
  });
});

describe('the bundled preload (out/main/preload.cjs)', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  let source: string;

  beforeAll(async () => {
    execFileSync(process.execPath, ['electron/build/bundle.mjs', 'preload'], { cwd: root, stdio: 'pipe' });
    source = await readFile(join(root, 'out', 'main', 'preload.cjs'), 'utf8');
  });

  /** Runs the bundle as Electron's sandboxed preload would, with a recording `electron` module. */
  function runPreload(reply?: unknown) {
    const required: string[] = [];
    const exposed: { key: string; api: StrataBridge }[] = [];
    const { ipc, invokes, listeners, emit } = recordingIpc(reply);
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: StrataBridge) => exposed.push({ key, api }) },
      ipcRenderer: ipc,
    };
    const require = (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`The sandboxed preload cannot require ${name}`);
    };
    const module = { exports: {} };
    runInNewContext(`(function (require, module, exports) {${source}\n})`, { queueMicrotask })(require, module, module.exports);
    return { required, exposed, invokes, listeners, emit };
  }

  it("requires nothing but 'electron'", () => {
    const { required } = runPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes exactly one key, strata, with exactly invoke and subscribe', () => {
    const { exposed, listeners } = runPreload();
    expect(exposed.map((entry) => entry.key)).toEqual(['strata']);
    expect(Object.keys(exposed[0]!.api).sort()).toEqual(['invoke', 'subscribe']);
    expect(listeners.map((entry) => entry.channel)).toEqual([IPC_EVENT]);
  });

  it('passes batch events and query/page replies to the page with their Uint8Arrays intact', async () => {
    const reply = pageReply();
    const { exposed, emit } = runPreload(reply);
    const api = exposed[0]!.api;
    const received: unknown[] = [];
    api.subscribe('query/event', (payload) => received.push(payload));
    emit('query/event', sentBatchEvent());
    expect(received).toHaveLength(1);
    expectBatchIntact(received[0]);
    const result = await api.invoke('query/page', { runId: 'r1', index: 0, fromRow: 50, rowCount: 2 });
    expectBatchIntact((result as { value: ResultPage }).value.batches[0]);
  });

  it('forwards allow-listed channels and refuses others', async () => {
    const { exposed, invokes } = runPreload();
    const api = exposed[0]!.api;
    await api.invoke('vault/status', {});
    const refused = await api.invoke('fs/read' as never, { path: '/etc/passwd' });
    expect(refused.ok).toBe(false);
    expect(invokes).toEqual([[IPC_INVOKE, 'vault/status', {}]]);
  });
});
