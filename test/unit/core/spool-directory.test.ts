import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SpoolDirectory } from '../../../electron/core/results/spool-directory';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'strata-test-spool-dir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('spool directory', () => {
  it('makes a private directory named after this process, and removes it with its files', async () => {
    const parent = join(root, 'spool');
    const directory = await SpoolDirectory.open(parent, () => undefined);
    const [name] = await readdir(parent);
    expect(name).toMatch(new RegExp(`^${process.pid}-`));
    expect(directory.path).toBe(join(parent, name));
    expect((await stat(join(parent, name))).mode & 0o777).toBe(0o700);

    const file = await directory.newFile();
    expect(file.path.startsWith(join(parent, name))).toBe(true);
    await directory.remove();
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes directories of processes that are gone, and keeps those of live processes and anything else', async () => {
    const parent = join(root, 'spool');
    const dead = `${deadPid()}-left-behind`;
    const live = `${process.ppid}-still-running`;
    for (const name of [dead, live, 'notes']) {
      await mkdir(join(parent, name), { recursive: true });
      await writeFile(join(parent, name, '1.spool'), 'rows');
    }
    const directory = await SpoolDirectory.open(parent, () => undefined);
    const names = await readdir(parent);
    expect(names).not.toContain(dead);
    expect(names).toEqual(expect.arrayContaining([live, 'notes']));
    expect(names).toHaveLength(3);
    await directory.remove();
  });

  it('refuses a parent that is a link, and says why when a result needs spooling', async () => {
    const elsewhere = join(root, 'elsewhere');
    await mkdir(elsewhere);
    const parent = join(root, 'linked');
    await symlink(elsewhere, parent);
    const logged: string[] = [];
    const directory = await SpoolDirectory.open(parent, (line) => logged.push(line));
    expect(directory.path).toBeNull();
    expect(logged).toEqual([expect.stringContaining('not a directory')]);
    await expect(directory.newFile()).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('not a directory') });
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
