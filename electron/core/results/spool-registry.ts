import type { ResultPage } from '../../../shared/model/query';
import { CoreError } from '../errors';
import type { SpoolDirectory } from './spool-directory';
import type { SpoolFile } from './spool-file';

interface RunSpools {
  clientId: string;
  /** By statement index. */
  files: Map<number, SpoolFile>;
}

/**
 * The spool files of every client's runs. A client reads and discards only its own; the files
 * outlive the run and go when the client discards them, the client closes, or the core is disposed.
 */
export class SpoolRegistry {
  private readonly runs = new Map<string, RunSpools>();
  private disposed = false;

  constructor(private readonly directory: SpoolDirectory) {}

  /** A new spool file for statement `index` of the client's run. */
  async create(clientId: string, runId: string, index: number): Promise<SpoolFile> {
    if (this.disposed) throw new CoreError('CANCELLED', 'Strata is shutting down.');
    const file = await this.directory.newFile();
    const key = spoolKey(clientId, runId);
    let run = this.runs.get(key);
    if (!run) {
      run = { clientId, files: new Map() };
      this.runs.set(key, run);
    }
    await run.files.get(index)?.delete();
    run.files.set(index, file);
    return file;
  }

  /** The stored batches of the client's spooled statement that overlap rows [fromRow, fromRow + rowCount). */
  async page(clientId: string, runId: string, index: number, fromRow: number, rowCount: number): Promise<ResultPage> {
    const file = this.runs.get(spoolKey(clientId, runId))?.files.get(index);
    if (!file) {
      throw new CoreError(
        'NOT_FOUND',
        `Statement ${index + 1} of run "${runId}" has no spooled rows in this window: the run never spooled them, or they were discarded.`,
      );
    }
    return { batches: await file.read(fromRow, rowCount) };
  }

  /** Deletes the spool files of the client's run; false when it had none. */
  async discard(clientId: string, runId: string): Promise<boolean> {
    const key = spoolKey(clientId, runId);
    const run = this.runs.get(key);
    if (!run) return false;
    this.runs.delete(key);
    await Promise.all([...run.files.values()].map((file) => file.delete()));
    return true;
  }

  /** Deletes every spool file of the client. */
  async discardClient(clientId: string): Promise<void> {
    const owned = [...this.runs.entries()].filter(([, run]) => run.clientId === clientId);
    for (const [key] of owned) this.runs.delete(key);
    await Promise.all(owned.flatMap(([, run]) => [...run.files.values()].map((file) => file.delete())));
  }

  /** Deletes every spool file and the directory; later spools are refused. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const files = [...this.runs.values()].flatMap((run) => [...run.files.values()]);
    this.runs.clear();
    await Promise.allSettled(files.map((file) => file.close()));
    await this.directory.remove();
  }
}

function spoolKey(clientId: string, runId: string): string {
  return `${clientId}\u0000${runId}`;
}
