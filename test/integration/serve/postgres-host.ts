import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ConnectionProfile } from '../../../shared/model/connection';
import type { InvokeResult } from '../../../shared/ipc/wire';
import { PG_DRAFT } from '../core/core-harness';
import { buildMain, startServe, type ServeProcess } from '../../support/serve-process';
import { connectWire, type WireClient } from './wire-client';

/** The value of a successful reply; a failed one throws with its code and message. */
export function valueOf<T>(result: InvokeResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export interface PostgresHost {
  server: ServeProcess;
  client: WireClient;
  /** A saved and opened connection to the local PostgreSQL. */
  connectionId: string;
  stop(): Promise<void>;
}

/** A fresh serve.cjs on a temporary data dir, with one WebSocket client and an open PostgreSQL connection named `name`. */
export async function startPostgresHost(name: string, wire: { autoAck?: boolean } = {}): Promise<PostgresHost> {
  buildMain();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const server = await startServe(['--port', '0', '--data-dir', path.join(tmp, 'data')]);
  const client = await connectWire(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, {}, wire);
  const profile = valueOf<ConnectionProfile>(
    await client.request('connection/save', { id: null, draft: { ...PG_DRAFT, name }, password: { action: 'keep' } }),
  );
  valueOf(await client.request('connection/open', { id: profile.id }));
  return {
    server,
    client,
    connectionId: profile.id,
    async stop() {
      client.close();
      await server.stop();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}
