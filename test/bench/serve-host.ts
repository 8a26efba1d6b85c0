import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './config';
import { SERVE_BUNDLE } from '../support/serve-process';

const READY_LINE = /^Strata is serving at (http:\/\/(.+):(\d+))\/#token=([A-Za-z0-9_-]+)$/;
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 20_000;

export interface ServeHost {
  url: string;
  wsUrl: string;
  pid: number;
  dataDir: string;
  stderr(): string;
  /** Stops the host (SIGTERM) and returns the CPU profiles it wrote, if it was profiled. */
  stop(): Promise<string[]>;
}

export interface ServeHostOptions {
  /** Write CPU profiles (--cpu-prof) into this directory. */
  profileDir?: string;
  /** A SQLite file to open, as `npm run serve -- file.sqlite` does. */
  file?: string;
}

/** Runs out/main/serve.cjs on 127.0.0.1 with a fresh temporary data directory, as the app's main process. */
export async function startServeHost(options: ServeHostOptions = {}): Promise<ServeHost> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'strata-bench-data-'));
  const nodeArgs: string[] = [];
  if (options.profileDir) {
    await mkdir(options.profileDir, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--cpu-prof-interval=500');
  }
  const before = options.profileDir ? new Set(await readdir(options.profileDir)) : new Set<string>();
  const child = spawn(process.execPath, [...nodeArgs, SERVE_BUNDLE, '--host', '127.0.0.1', '--port', '0', '--data-dir', dataDir, ...(options.file === undefined ? [] : [options.file])], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => fail(`serve.cjs printed no URL within ${START_TIMEOUT_MS} ms.`), START_TIMEOUT_MS);
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${reason}\nstderr: ${stderr}`));
    };
    void exited.then(() => fail('serve.cjs exited before printing its URL.'));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const line = stdout.split('\n')[0];
      if (!stdout.includes('\n')) return;
      clearTimeout(timer);
      const match = READY_LINE.exec(line);
      if (match) resolve(line.slice('Strata is serving at '.length));
      else fail(`serve.cjs printed an unexpected first line: ${line}`);
    });
  });
  const parsed = new URL(url);
  const token = parsed.hash.replace('#token=', '');

  return {
    url,
    wsUrl: `ws://${parsed.host}/ws?token=${token}`,
    pid: requirePid(child),
    dataDir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
      await rm(dataDir, { recursive: true, force: true });
      if (!options.profileDir) return [];
      const written = (await readdir(options.profileDir)).filter((name) => name.endsWith('.cpuprofile') && !before.has(name));
      return written.map((name) => path.join(options.profileDir as string, name));
    },
  };
}

function requirePid(child: ChildProcess): number {
  if (child.pid === undefined) throw new Error('serve.cjs did not start.');
  return child.pid;
}
