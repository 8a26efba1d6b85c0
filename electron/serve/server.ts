import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createRequestGuard, type RequestGuard } from './auth';
import { replyText, refuseUpgrade } from './http-reply';
import { listen } from './listen';
import { createStaticFiles } from './static-files';
import { createWebSocketEndpoint, type ClientSource } from './websocket';

export const WEBSOCKET_PATH = '/ws';

export interface ServerOptions {
  host: string;
  port: number;
  token: string;
  rendererDir: string;
  core: ClientSource;
  /** The machine's own IP addresses (see RequestGuardOptions.localAddresses). */
  localAddresses: string[];
  log: (line: string) => void;
}

export interface RunningServer {
  port: number;
  /** Stops accepting, closes every socket. */
  close(): Promise<void>;
}

/** The headless host's HTTP server: static renderer files, and the WebSocket at /ws?token=… */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const serveStatic = createStaticFiles(options.rendererDir);
  const endpoint = createWebSocketEndpoint(options.core, options.log);
  const server = createServer();
  let guard: RequestGuard | undefined;
  const getGuard = () =>
    (guard ??= createRequestGuard({
      host: options.host,
      port: (server.address() as AddressInfo).port,
      token: options.token,
      localAddresses: options.localAddresses,
    }));

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const target = splitTarget(req.url);
    if (!target) return replyText(res, 400, 'Bad request target.');
    const refusal = getGuard().checkSource(req.headers) ?? (isStaticRequest(req, target.pathname) ? null : getGuard().checkToken(target.token));
    if (refusal) return replyText(res, refusal.status, refusal.message);
    if (target.pathname === WEBSOCKET_PATH) return replyText(res, 426, 'This endpoint only speaks WebSocket.', { Upgrade: 'websocket' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return replyText(res, 405, 'Only GET and HEAD are allowed.', { Allow: 'GET, HEAD' });
    serveStatic(req, res, target.pathname).catch((error: unknown) => {
      options.log(`Static file error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) replyText(res, 500, 'Could not read the file.');
      else res.destroy();
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const target = splitTarget(req.url);
    if (!target) return refuseUpgrade(socket, 400, 'Bad request.');
    const refusal = getGuard().checkSource(req.headers) ?? getGuard().checkToken(target.token);
    if (refusal) return refuseUpgrade(socket, refusal.status, refusal.message);
    if (target.pathname !== WEBSOCKET_PATH) return refuseUpgrade(socket, 404, 'Not found.');
    endpoint.accept(req, socket, head);
  });

  const port = await listen(server, options.host, options.port);

  return {
    port,
    async close() {
      await endpoint.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function isStaticRequest(req: IncomingMessage, pathname: string): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && pathname !== WEBSOCKET_PATH;
}

/** Splits an origin-form request target ("/path?query") without resolving it against any base. */
function splitTarget(url: string | undefined): { pathname: string; token: string | null } | null {
  if (!url || !url.startsWith('/')) return null;
  const queryStart = url.indexOf('?');
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
  return { pathname, token: query.get('token') };
}
