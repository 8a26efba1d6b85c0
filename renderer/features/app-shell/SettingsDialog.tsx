import { useState } from 'react';
import type { Theme } from '../../../shared/model/workspace';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select, type SelectOption } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { parseResultMemoryMb } from './result-memory-setting';

const THEME_OPTIONS: readonly SelectOption<Theme>[] = [
  { value: 'system', label: 'System' },
  { value: 'dark', label: 'Dark' },
  { value: 'light', label: 'Light' },
];

/** Mounted while the store says the settings are open. */
export function SettingsDialogHost() {
  const open = useStore((s) => s.settingsOpen);
  return open ? <SettingsDialog /> : null;
}

/** The app's settings; they apply on Save and are kept in the workspace. */
function SettingsDialog() {
  const theme = useStore((s) => s.theme);
  const resultMemoryMb = useStore((s) => s.resultMemoryMb);
  const setTheme = useStore((s) => s.setTheme);
  const setResultMemoryMb = useStore((s) => s.setResultMemoryMb);
  const setSettingsOpen = useStore((s) => s.setSettingsOpen);
  const [themeChoice, setThemeChoice] = useState<Theme>(theme);
  const [memoryText, setMemoryText] = useState(String(resultMemoryMb));
  const [memoryError, setMemoryError] = useState<string | null>(null);

  const close = () => setSettingsOpen(false);
  const save = () => {
    const memory = parseResultMemoryMb(memoryText);
    if ('error' in memory) {
      setMemoryError(memory.error);
      return;
    }
    setTheme(themeChoice);
    setResultMemoryMb(memory.mb);
    close();
  };

  return (
    <Dialog
      title="Settings"
      onClose={close}
      onSubmit={save}
      footer={
        <>
          <span className="spacer" />
          <Button onClick={close}>Cancel</Button>
          <Button variant="primary" type="submit">
            Save
          </Button>
        </>
      }
    >
      <Select label="Theme" value={themeChoice} options={THEME_OPTIONS} onChange={setThemeChoice} />
      <TextField
        label="Result memory per query (MB)"
        value={memoryText}
        inputMode="numeric"
        onChange={(text) => {
          setMemoryText(text);
          setMemoryError(null);
        }}
        error={memoryError}
        hint="Rows beyond this stay in a temporary file on disk and load as you scroll. Applies to the next query."
      />
    </Dialog>
  );
}
