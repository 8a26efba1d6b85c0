const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the main modifier is written in tooltips and hints: ⌘ on macOS, Ctrl elsewhere. */
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';

export const SHORTCUTS = {
  run: `${MOD_LABEL}+Enter`,
  runAll: `${MOD_LABEL}+Shift+Enter`,
  cancel: 'Esc',
  format: isMac ? '⇧⌥F' : 'Shift+Alt+F',
  explain: `${MOD_LABEL}+E`,
  newTab: `${MOD_LABEL}+T`,
  closeTab: `${MOD_LABEL}+W`,
  reopenTab: `${MOD_LABEL}+Shift+T`,
} as const;

/** Cmd on macOS, Ctrl elsewhere, without the other one held. */
export function hasModKey(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}
