import type { Theme } from '../../../shared/model/workspace';
import { useStore } from '../../store';
import { IconButton } from '../../ui/Button';
import { MonitorIcon, MoonIcon, SunIcon } from '../../ui/icons';

const NEXT: Record<Theme, Theme> = { dark: 'light', light: 'system', system: 'dark' };
const NAMES: Record<Theme, string> = { dark: 'Dark', light: 'Light', system: 'System' };

/** Cycles dark → light → system. */
export function ThemeToggle() {
  const theme = useStore((s) => s.theme);
  const setTheme = useStore((s) => s.setTheme);
  const icon = theme === 'dark' ? <MoonIcon /> : theme === 'light' ? <SunIcon /> : <MonitorIcon />;
  return (
    <IconButton
      label={`Theme: ${NAMES[theme]}`}
      title={`Theme: ${NAMES[theme]} (click for ${NAMES[NEXT[theme]]})`}
      onClick={() => setTheme(NEXT[theme])}
    >
      {icon}
    </IconButton>
  );
}
