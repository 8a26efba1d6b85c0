import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVE_BUNDLE = path.join(REPO_ROOT, 'out', 'main', 'serve.cjs');
const READY_LINE = /^Strata is serving at (http:\/\/(.+):(\d+))\/#token=([A-Za-z0-9_-]+)$/;

/** Bundles the main-process entry points (serve.cjs, the SQLite worker) from the current sources. */
export function buildMain(): void {
  execFileSync(process.execPath, ['electron/build/bundle.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

/** Builds the renderer into out/renderer unless it is there already. */
export function ensureRendererBuilt(): void {
  if (existsSync(path.join(REPO_ROOT, 'out', 'renderer', 'index.html'))) return;
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
}

export interface ServeProcess {
  /** The URL the server printed, token fragment included. */
  url: string;
  /** http://host:port, without a trailing slash. */
  origin: string;
  host: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs serve.cjs to completion (for --help and bad arguments). */
export function runServe(args: string[], timeoutMs = 15_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVE_BUNDLE, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve.cjs ${args.join(' ')} did not exit within ${timeoutMs} ms. stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts serve.cjs and resolves once it has printed its URL. */
export function startServe(args: string[], timeoutMs = 30_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [SERVE_BUNDLE, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (reason: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${reason}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail(`serve.cjs printed no URL within ${timeoutMs} ms.`), timeoutMs);
    void exited.then((code) => fail(`serve.cjs exited with code ${code} before printing its URL.`));
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout;
      stdout += chunk.toString('utf8');
      if (settled || before.includes('\n') || !stdout.includes('\n')) return;
      const match = READY_LINE.exec(stdout.split('\n')[0]);
      if (!match) return fail('serve.cjs printed an unexpected first line.');
      settled = true;
      clearTimeout(timer);
      resolve({
        url: `${match[1]}/#token=${match[4]}`,
        origin: match[1],
        host: match[2],
        port: Number(match[3]),
        token: match[4],
        child,
        stdout: () => stdout,
        stderr: () => stderr,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}
