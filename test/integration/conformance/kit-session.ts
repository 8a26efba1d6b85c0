import { startTestCore, type TestClient, type TestCore } from '../core/core-harness';
import type { EngineKit } from './engine-kits';

export interface KitSession {
  core: TestCore;
  client: TestClient;
  connectionId: string;
}

/** Starts a core with one client, then saves the kit's scratch database as a profile and opens it, as the app does. */
export async function openKitSession(kit: EngineKit): Promise<KitSession> {
  const core = await startTestCore();
  const client = core.connect();
  const connectionId = (await client.call('connection/save', { id: null, draft: kit.draft(), password: { action: 'keep' } })).id;
  await client.call('connection/open', { id: connectionId });
  return { core, client, connectionId };
}
