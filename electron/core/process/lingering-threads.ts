/**
 * Threads that were told to stop but cannot yet: a SQLite worker inside one long native step ends
 * only when that step returns (better-sqlite3 has no interrupt), and Node's exit waits for it, which
 * can take minutes. Hosts ask here at shutdown and end the process hard instead of hanging.
 */
let lingering = 0;

/** Records one thread that was asked to stop; call the returned function once it has ended. */
export function markLingeringThread(): () => void {
  lingering += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lingering -= 1;
  };
}

export function lingeringThreadCount(): number {
  return lingering;
}

/**
 * Exits now. With no lingering thread this is process.exit; otherwise the process kills itself, the one
 * way out that does not wait for the stuck thread. Everything worth saving was written by dispose().
 */
export function exitProcess(code: number, log: (line: string) => void): never {
  const count = lingeringThreadCount();
  if (count > 0) {
    log(`${count} SQLite statement(s) were still running inside SQLite; ending the process without waiting for them.`);
    process.kill(process.pid, 'SIGKILL');
  }
  return process.exit(code);
}
