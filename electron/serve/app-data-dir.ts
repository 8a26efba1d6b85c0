import path from 'node:path';

const APP_NAME = 'Strata';

/**
 * The per-user directory Electron would use as userData for this app, so that `npm run serve` and the
 * desktop app share connections and settings by default.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, homeDir: string): string {
  switch (platform) {
    case 'win32':
      return path.win32.join(env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.posix.join(homeDir, 'Library', 'Application Support', APP_NAME);
    default:
      return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(homeDir, '.config'), APP_NAME);
  }
}
