import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInitialFile } from '../../../electron/shell/cli-args';

const cwd = resolve('/home/user/projects');

describe('findInitialFile', () => {
  it('skips the electron binary and the app path under `electron .` and resolves the file against cwd', () => {
    expect(findInitialFile({ argv: ['/repo/node_modules/electron/dist/electron', '.', 'data/app.sqlite'], cwd, defaultApp: true })).toBe(
      resolve(cwd, 'data/app.sqlite'),
    );
  });

  it('takes the first argument of a packaged app as the file', () => {
    expect(findInitialFile({ argv: ['/opt/Strata/strata', 'shop.db'], cwd, defaultApp: false })).toBe(resolve(cwd, 'shop.db'));
  });

  it('keeps absolute paths as they are', () => {
    const file = resolve('/data/shop.sqlite3');
    expect(findInitialFile({ argv: ['/opt/Strata/strata', file], cwd, defaultApp: false })).toBe(file);
  });

  it('skips Chromium and Electron switches wherever they appear', () => {
    const argv = ['electron', '--inspect=9229', '.', '--enable-logging', '--original-process-start-time=1234', '-psn_0_12345', 'x.sqlite', 'y.sqlite'];
    expect(findInitialFile({ argv, cwd, defaultApp: true })).toBe(resolve(cwd, 'x.sqlite'));
  });

  it('treats everything after -- as a path, even when it starts with a dash', () => {
    expect(findInitialFile({ argv: ['strata', '--', '-odd-name.db'], cwd, defaultApp: false })).toBe(resolve(cwd, '-odd-name.db'));
  });

  it('returns null when there is no file', () => {
    expect(findInitialFile({ argv: ['electron', '.'], cwd, defaultApp: true })).toBeNull();
    expect(findInitialFile({ argv: ['electron', '.', '--no-sandbox'], cwd, defaultApp: true })).toBeNull();
    expect(findInitialFile({ argv: ['/opt/Strata/strata'], cwd, defaultApp: false })).toBeNull();
    expect(findInitialFile({ argv: ['/opt/Strata/strata', ''], cwd, defaultApp: false })).toBeNull();
  });

  it('never mistakes the development app path for the file', () => {
    expect(findInitialFile({ argv: ['electron', '/repo'], cwd, defaultApp: true })).toBeNull();
  });
});
