import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../../electron/serve/args';
import { defaultDataDir } from '../../../electron/serve/app-data-dir';

const fallback = () => '/home/u/.config/Strata';
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseServeArgs(argv, env, '/work', fallback);

describe('parseServeArgs', () => {
  it('defaults to loopback, any free port and the app-data dir', () => {
    expect(parse([])).toEqual({ kind: 'serve', options: { host: '127.0.0.1', port: 0, dataDir: '/home/u/.config/Strata', file: null } });
  });

  it('reads every option and resolves paths against the working directory', () => {
    expect(parse(['--host', '::1', '--port=8123', '--data-dir', 'data', 'db/app.sqlite'])).toEqual({
      kind: 'serve',
      options: { host: '::1', port: 8123, dataDir: '/work/data', file: '/work/db/app.sqlite' },
    });
  });

  it('takes the data dir from STRATA_DATA_DIR unless --data-dir is given', () => {
    const fromEnv = parse([], { STRATA_DATA_DIR: '/srv/strata' });
    expect(fromEnv.kind === 'serve' && fromEnv.options.dataDir).toBe('/srv/strata');
    const fromFlag = parse(['--data-dir', '/tmp/d'], { STRATA_DATA_DIR: '/srv/strata' });
    expect(fromFlag.kind === 'serve' && fromFlag.options.dataDir).toBe('/tmp/d');
  });

  it('recognises --help and -h', () => {
    expect(parse(['--help'])).toEqual({ kind: 'help' });
    expect(parse(['-h', '--port', 'nonsense'])).toEqual({ kind: 'help' });
  });

  it('refuses unknown flags, bad ports and extra files with a message that points at --help', () => {
    expect(() => parse(['--portt', '1'])).toThrow(/--portt.*--help/);
    expect(() => parse(['--port', '70000'])).toThrow(/not a port/);
    expect(() => parse(['--port', '-1'])).toThrow();
    expect(() => parse(['--port', '12ab'])).toThrow(/not a port/);
    expect(() => parse(['a.sqlite', 'b.sqlite'])).toThrow(/at most one/);
    expect(() => parse(['--host'])).toThrow(/--help/);
  });
});

describe('defaultDataDir', () => {
  it('matches where Electron keeps userData on each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/ann')).toBe('/home/ann/.config/Strata');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ann')).toBe('/xdg/Strata');
    expect(defaultDataDir('darwin', {}, '/Users/ann')).toBe('/Users/ann/Library/Application Support/Strata');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'C:\\Users\\ann')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Strata');
  });
});
