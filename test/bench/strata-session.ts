import type { ConnectionProfile } from '../../shared/model/connection';
import { emptyDraft } from '../../shared/model/connection';
import { PG } from './config';
import { startServeHost, type ServeHost, type ServeHostOptions } from './serve-host';
import { WireReceiver } from './wire-receiver';

/** A running serve.cjs, a receiver on its WebSocket, and one open connection. */
export interface StrataSession {
  host: ServeHost;
  receiver: WireReceiver;
  connectionId: string;
  /** Closes the socket and stops the host; returns the CPU profiles it wrote. */
  close(): Promise<string[]>;
}

export type ConnectionTarget = { kind: 'postgres'; database: string } | { kind: 'sqlite'; file: string };

export async function openStrataSession(target: ConnectionTarget, options: ServeHostOptions = {}): Promise<StrataSession> {
  const host = await startServeHost(options);
  try {
    const receiver = await WireReceiver.connect(host.wsUrl);
    const profile =
      target.kind === 'postgres'
        ? await receiver.call<ConnectionProfile>('connection/save', {
            id: null,
            draft: { ...emptyDraft('postgres'), name: `bench ${target.database}`, host: PG.host, port: PG.port, database: target.database, user: PG.user },
            password: { action: 'keep' },
          })
        : await receiver.call<ConnectionProfile>('connection/open-file', { path: target.file, readOnly: true });
    await receiver.call('connection/open', { id: profile.id });
    return {
      host,
      receiver,
      connectionId: profile.id,
      async close() {
        receiver.close();
        return host.stop();
      },
    };
  } catch (error) {
    await host.stop();
    throw error;
  }
}
