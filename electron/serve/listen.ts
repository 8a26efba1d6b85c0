import type { Server } from 'node:http';
import { CoreError } from '../core/errors';

/** Starts listening and resolves with the bound port; a taken or forbidden port becomes a CoreError. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(describeListenError(error, host, port));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): CoreError {
  switch (error.code) {
    case 'EADDRINUSE':
      return new CoreError('CONNECTION', `Port ${port} on ${host} is already in use. Choose another with --port, or use --port 0 for any free port.`);
    case 'EACCES':
      return new CoreError('CONNECTION', `Not allowed to listen on port ${port} of ${host}. Use a port above 1023, or --port 0.`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CoreError('CONNECTION', `Cannot listen on ${host}: this machine has no such address. Check --host.`);
    default:
      return new CoreError('CONNECTION', `Cannot listen on ${host}:${port}: ${error.message}`);
  }
}
