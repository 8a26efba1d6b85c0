import { lstat, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { CoreError } from '../errors';
import { SpoolFile } from './spool-file';

/**
 * Where each core makes its spool directory unless told otherwise: one parent per user, so that on a
 * shared machine one user's parent never blocks another's spooling.
 */
export const DEFAULT_SPOOL_PARENT = join(tmpdir(), `strata-spool-${process.getuid?.() ?? userInfo().username}`);

/** A core's directory is named "<pid>-<random>", so a later start can tell whether its owner is still alive. */
const OWNED_DIRECTORY = /^(\d+)-[^/\\]+$/;

/**
 * One core's spool directory (mode 0700) under a shared parent. Opening it first removes the
 * directories of processes that have died without cleaning up; removing it deletes every spool file.
 */
export class SpoolDirectory {
  private files = 0;

  private constructor(
    /** Null when the directory could not be made; `failure` then says why. */
    readonly path: string | null,
    private readonly failure: string | null,
  ) {}

  /** Never throws: when the directory cannot be made, the reason is logged and every newFile() fails with it. */
  static async open(parent: string, log: (line: string) => void): Promise<SpoolDirectory> {
    try {
      await mkdir(parent, { recursive: true, mode: 0o700 });
      await checkOwnDirectory(parent);
      await removeDeadProcessDirectories(parent, log);
      return new SpoolDirectory(await mkdtemp(join(parent, `${process.pid}-`)), null);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log(`The spool directory under ${parent} could not be prepared: ${reason}`);
      return new SpoolDirectory(null, reason);
    }
  }

  /** A new, empty file (mode 0600) for one statement's spooled rows. */
  async newFile(): Promise<SpoolFile> {
    if (this.path === null) {
      throw new CoreError('INTERNAL', `This result is larger than the memory budget, and Strata could not prepare a spool directory for the rest: ${this.failure}`);
    }
    return SpoolFile.create(join(this.path, `${++this.files}.spool`));
  }

  /** Deletes the directory and everything in it. */
  async remove(): Promise<void> {
    if (this.path !== null) await rm(this.path, { recursive: true, force: true });
  }
}

/** The parent may be shared (the system temp directory): it must be a real directory of this user, not a link planted by another. */
async function checkOwnDirectory(path: string): Promise<void> {
  const stats = await lstat(path);
  if (!stats.isDirectory()) throw new Error(`${path} is not a directory.`);
  const uid = process.getuid?.();
  if (uid !== undefined && stats.uid !== uid) throw new Error(`${path} belongs to another user.`);
}

async function removeDeadProcessDirectories(parent: string, log: (line: string) => void): Promise<void> {
  for (const entry of await readdir(parent, { withFileTypes: true })) {
    const owner = OWNED_DIRECTORY.exec(entry.name);
    if (!entry.isDirectory() || !owner) continue;
    const pid = Number(owner[1]);
    if (pid === process.pid || isAlive(pid)) continue;
    await rm(join(parent, entry.name), { recursive: true, force: true }).catch((error: unknown) =>
      log(`A spool directory left by process ${pid} could not be removed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
