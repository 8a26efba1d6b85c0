import { resolve } from 'node:path';

export interface CommandLine {
  argv: readonly string[];
  /** Where relative paths are resolved: the launching shell's working directory. */
  cwd: string;
  /** True under `electron .` (process.defaultApp), where argv[1] is the app's own path. */
  defaultApp: boolean;
}

function isSwitch(arg: string): boolean {
  // Chromium and Electron switches, and macOS's legacy -psn_ process serial number.
  return arg.startsWith('-');
}

/**
 * The file to open from the command line (`npm start -- data.sqlite`, `strata data.sqlite`, a file
 * association): the first argument after the executable (and, in development, the app path) that
 * is not a switch, resolved against `cwd`. Arguments after `--` are never switches. Null if none.
 */
export function findInitialFile({ argv, cwd, defaultApp }: CommandLine): string | null {
  let skipAppPath = defaultApp;
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    if (arg === '' || (!switchesEnded && isSwitch(arg))) continue;
    if (skipAppPath) {
      skipAppPath = false;
      continue;
    }
    return resolve(cwd, arg);
  }
  return null;
}
