import { IconButton } from '../../ui/Button';
import { useStore } from '../../store';
import { SavedQueriesIcon } from '../../ui/icons';

/** Opens the list of saved queries. */
export function SavedQueriesButton() {
  const setSavedQueriesOpen = useStore((s) => s.setSavedQueriesOpen);
  return (
    <IconButton label="Saved queries" onClick={() => setSavedQueriesOpen(true)}>
      <SavedQueriesIcon />
    </IconButton>
  );
}
