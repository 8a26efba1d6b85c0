import { useEffect } from 'react';
import { useStore } from '../../store';
import { IconButton } from '../../ui/Button';
import { GearIcon } from '../../ui/icons';
import { hasModKey, MOD_LABEL } from '../editor/shortcuts';
import { SettingsDialogHost } from './SettingsDialog';

/** The gear in the sidebar header, and Ctrl/Cmd+, anywhere: both open the Settings dialog. */
export function SettingsButton() {
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);

  useEffect(() => {
    // Capture phase, so that the editor does not swallow the shortcut.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== ',' || !hasModKey(event) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      event.stopPropagation();
      useStore.getState().setSettingsOpen(true);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return (
    <>
      <IconButton label="Settings" title={`Settings (${MOD_LABEL}+,)`} onClick={() => setSettingsOpen(true)}>
        <GearIcon />
      </IconButton>
      <SettingsDialogHost />
    </>
  );
}
