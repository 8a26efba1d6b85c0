import { IconButton } from '../../ui/Button';
import { HistoryIcon } from '../../ui/icons';
import { HISTORY_SHORTCUTS } from './history-shortcuts';
import { useStore } from '../../store';

/** Opens the query history (also Ctrl/Cmd+Shift+H). */
export function HistoryButton() {
  const setHistoryOpen = useStore((s) => s.setHistoryOpen);
  return (
    <IconButton label="Query history" title={`Query history (${HISTORY_SHORTCUTS.history})`} onClick={() => setHistoryOpen(true)}>
      <HistoryIcon />
    </IconButton>
  );
}
