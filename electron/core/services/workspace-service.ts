import { workspaceSchema } from '../../../shared/model/workspace';
import { readJsonFile, writeJsonFile } from '../fs/json-file';
import type { HandlerGroup } from '../host';

/** Open tabs, their unsaved text and the theme, in `workspace.json`; a corrupt file is moved aside and read as none. */
export function createWorkspaceHandlers(file: string, log: (line: string) => void): HandlerGroup<'workspace/load' | 'workspace/save'> {
  let saves: Promise<unknown> = Promise.resolve();
  return {
    'workspace/load': async () => {
      await saves;
      return readJsonFile(file, workspaceSchema, log);
    },
    'workspace/save': ({ workspace }) => {
      // One write at a time, in the order the saves arrived, so the last one wins.
      const save = saves.then(() => writeJsonFile(file, workspace));
      saves = save.catch(() => undefined);
      return save.then(() => ({ saved: true as const }));
    },
  };
}
