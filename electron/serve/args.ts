import path from 'node:path';
import { parseArgs } from 'node:util';
import { CoreError } from '../core/errors';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  /** A SQLite file to open first, as an absolute path. */
  file: string | null;
}

export type ServeCommand = { kind: 'help' } | { kind: 'serve'; options: ServeOptions };

export const USAGE = `Usage: npm run serve -- [options] [file.sqlite]

Serves Strata to a browser on this machine. Open the printed URL; it carries the access token.

Options:
  --host HOST      Address to listen on (default 127.0.0.1). Anything but loopback exposes your databases.
  --port PORT      Port to listen on (default 0: any free port).
  --data-dir DIR   Where connections, the vault and settings live
                   (default: $STRATA_DATA_DIR, else the desktop app's data directory).
  -h, --help       Show this help.
`;

/** Reads the command line. Throws CoreError('INVALID_INPUT') with a message meant for the terminal. */
export function parseServeArgs(
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  fallbackDataDir: () => string,
): ServeCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CoreError('INVALID_INPUT', `${reason} Run with --help to see the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };

  if (positionals.length > 1) {
    throw new CoreError('INVALID_INPUT', `Expected at most one SQLite file, got ${positionals.length}. Run with --help to see the options.`);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new CoreError('INVALID_INPUT', 'The --host value is empty. Give an address such as 127.0.0.1.');

  const dataDir = values['data-dir'] ?? (env.STRATA_DATA_DIR || fallbackDataDir());
  if (dataDir.trim() === '') throw new CoreError('INVALID_INPUT', 'The --data-dir value is empty. Give a directory path.');

  return {
    kind: 'serve',
    options: {
      host,
      port: parsePort(values.port),
      dataDir: path.resolve(cwd, dataDir),
      file: positionals[0] === undefined ? null : path.resolve(cwd, positionals[0]),
    },
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new CoreError('INVALID_INPUT', `"${value}" is not a port. Give a number from 0 to 65535 (0 picks any free port).`);
  }
  return port;
}
