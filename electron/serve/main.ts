import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../core/core';
import { CoreError } from '../core/errors';
import { exitProcess } from '../core/process/lingering-threads';
import { defaultDataDir } from './app-data-dir';
import { parseServeArgs, USAGE, type ServeOptions } from './args';
import { createToken, formatAuthority, isLoopbackHost } from './auth';
import { localAddresses } from './local-addresses';
import { startServer } from './server';

// The bundle lives in out/main/, two levels below the repository root.
const ROOT = path.join(__dirname, '..', '..');

const logLine = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  let options: ServeOptions;
  try {
    const command = parseServeArgs(process.argv.slice(2), process.env, process.cwd(), () =>
      defaultDataDir(process.platform, process.env, os.homedir()),
    );
    if (command.kind === 'help') {
      process.stdout.write(USAGE);
      return;
    }
    options = command.options;
  } catch (error) {
    logLine(error instanceof CoreError ? error.message : String(error));
    process.exitCode = 2;
    return;
  }

  if (!isLoopbackHost(options.host)) {
    logLine(`Warning: listening on ${options.host}, not loopback. Anyone who can reach this address and learns the token can use your connections.`);
  }

  const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const token = createToken();
  const core = await createCore({
    dataDir: options.dataDir,
    resourcesDir: path.join(ROOT, 'resources'),
    sqliteWorkerPath: path.join(ROOT, 'out', 'main', 'sqlite-worker.cjs'),
    host: 'web',
    version: packageJson.version,
    initialFile: options.file ?? undefined,
    log: logLine,
  });

  let server;
  try {
    server = await startServer({
      host: options.host,
      port: options.port,
      token,
      rendererDir: path.join(ROOT, 'out', 'renderer'),
      core,
      localAddresses: localAddresses(),
      log: logLine,
    });
  } catch (error) {
    await core.dispose();
    logLine(error instanceof CoreError ? error.message : String(error));
    process.exitCode = 1;
    return;
  }

  const running = server;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    running
      .close()
      .then(() => core.dispose())
      .then(
        () => exitProcess(0, logLine),
        (error: unknown) => {
          logLine(`Error while shutting down: ${error instanceof Error ? error.message : String(error)}`);
          exitProcess(1, logLine);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(`Strata is serving at http://${formatAuthority(options.host, running.port)}/#token=${token}\n`);
}

main().catch((error: unknown) => {
  logLine(error instanceof CoreError ? error.message : `Strata could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
