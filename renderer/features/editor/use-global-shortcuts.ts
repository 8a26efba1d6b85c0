import { useEffect } from 'react';
import { useStore } from '../../store';
import { cancelActiveTab, runActiveTab } from './editor-commands';
import { hasModKey } from './shortcuts';
import { isTabBusy } from './tab-busy';

function insideEditor(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.monaco-editor') !== null;
}

function insideDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, [role="dialog"]') !== null;
}

/** Form fields keep their own Enter and Esc. */
function insideField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Window-wide keys: new, close and reopen tab, and (outside Monaco, which binds its own) run and cancel.
 * Esc only cancels when nothing else used it, e.g. a menu or an inline rename.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKeyDownCapture = (event: KeyboardEvent) => {
      if (!hasModKey(event) || event.altKey || insideDialog(event.target)) return;
      const key = event.key.toLowerCase();
      const state = useStore.getState();
      if (key === 't') {
        event.preventDefault();
        event.stopPropagation();
        if (event.shiftKey) state.reopenClosedTab();
        else state.newTab();
      } else if (key === 'w' && !event.shiftKey) {
        event.preventDefault();
        event.stopPropagation();
        if (state.activeTabId) state.closeTab(state.activeTabId);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || insideEditor(event.target) || insideDialog(event.target) || insideField(event.target)) return;
      if (event.key === 'Enter' && hasModKey(event) && !event.altKey) {
        event.preventDefault();
        runActiveTab(event.shiftKey ? 'all' : 'statement');
      } else if (event.key === 'Escape' && !event.shiftKey && !hasModKey(event)) {
        const state = useStore.getState();
        if (isTabBusy(state, state.activeTabId)) {
          event.preventDefault();
          cancelActiveTab();
        }
      }
    };
    window.addEventListener('keydown', onKeyDownCapture, true);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDownCapture, true);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
