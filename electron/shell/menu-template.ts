/** A menu item as Menu.buildFromTemplate takes it, limited to the roles this app uses. */
export interface MenuTemplateItem {
  label?: string;
  type?: 'separator';
  role?:
    | 'appMenu'
    | 'editMenu'
    | 'quit'
    | 'minimize'
    | 'zoom'
    | 'front'
    | 'reload'
    | 'forceReload'
    | 'toggleDevTools'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen';
  submenu?: MenuTemplateItem[];
}

export interface MenuContext {
  platform: string;
  /** Reload and developer tools are offered only when running from source. */
  development: boolean;
}

/**
 * The application menu. The Edit menu's roles make the clipboard shortcuts work (on macOS they
 * only work through a menu); the macOS app menu carries About, Hide and Quit. No item takes
 * Ctrl/Cmd+W: Electron's File and Window menu roles bind it to closing the window, and in Strata
 * it closes the current editor tab.
 */
export function createMenuTemplate({ platform, development }: MenuContext): MenuTemplateItem[] {
  const mac = platform === 'darwin';
  const firstMenu: MenuTemplateItem = mac ? { role: 'appMenu' } : { label: 'File', submenu: [{ role: 'quit' }] };
  const windowMenu: MenuTemplateItem = {
    label: 'Window',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }],
  };
  const developerItems: MenuTemplateItem[] = development
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuTemplateItem[] = [
    ...developerItems,
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [firstMenu, { role: 'editMenu' }, { label: 'View', submenu: view }, windowMenu];
}
