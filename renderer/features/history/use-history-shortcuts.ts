import { useEffect } from 'react';
import { hasModKey } from '../editor/shortcuts';
import { useStore } from '../../store';

/**
 * Window-wide keys, caught before Monaco sees them: Ctrl/Cmd+Shift+H opens the history, Ctrl/Cmd+S
 * saves the active tab as a named query (and never the browser's "save page").
 */
export function useHistoryShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasModKey(event) || event.altKey) return;
      const key = event.key.toLowerCase();
      const shortcut = key === 'h' && event.shiftKey ? 'history' : key === 's' && !event.shiftKey ? 'save' : null;
      if (!shortcut) return;
      event.preventDefault();
      event.stopPropagation();
      // A dialog in front keeps the keyboard: nothing opens behind or over it.
      if (insideDialog(event.target)) return;
      const state = useStore.getState();
      if (shortcut === 'history') state.setHistoryOpen(true);
      else state.requestSaveQuery();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);
}

function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
}
