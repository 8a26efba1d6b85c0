import type { StrataBridge } from '../../shared/ipc/wire';
import { createClient, type StrataClient } from './client';
import { createWebSocketTransport } from './websocket-transport';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the renderer is served to a browser. */
    strata?: StrataBridge;
  }
}

function pickTransport(): StrataBridge {
  if (window.strata) return window.strata;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketTransport(`${scheme}//${window.location.host}/ws?token=${encodeURIComponent(token)}`);
}

/** The renderer's only door to the main process. */
export const api: StrataClient = createClient(pickTransport());
export { BridgeError } from './client';
