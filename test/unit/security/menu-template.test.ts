import { describe, expect, it } from 'vitest';
import { createMenuTemplate, type MenuTemplateItem } from '../../../electron/shell/menu-template';

function roles(items: MenuTemplateItem[]): string[] {
  return items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
}

describe('createMenuTemplate', () => {
  it('gives macOS its app menu and an Edit menu so Cmd+C and Cmd+V work', () => {
    const menu = createMenuTemplate({ platform: 'darwin', development: false });
    expect(menu[0]).toEqual({ role: 'appMenu' });
    expect(roles(menu)).toContain('editMenu');
    expect(roles(menu)).toContain('minimize');
  });

  it('binds nothing to Ctrl/Cmd+W, which closes the editor tab, not the window', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const found = roles(createMenuTemplate({ platform, development: true }));
      for (const closing of ['close', 'fileMenu', 'windowMenu']) expect(found).not.toContain(closing);
    }
  });

  it('uses a File menu elsewhere', () => {
    const menu = createMenuTemplate({ platform: 'win32', development: false });
    expect(menu[0]).toEqual({ label: 'File', submenu: [{ role: 'quit' }] });
    expect(roles(menu)).not.toContain('appMenu');
    expect(roles(menu)).toContain('editMenu');
  });

  it('offers reload and developer tools only in development', () => {
    const shipped = roles(createMenuTemplate({ platform: 'linux', development: false }));
    expect(shipped).not.toContain('toggleDevTools');
    expect(shipped).not.toContain('reload');
    expect(shipped).not.toContain('forceReload');
    expect(roles(createMenuTemplate({ platform: 'linux', development: true }))).toEqual(
      expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
    );
  });
});
