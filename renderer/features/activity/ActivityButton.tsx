import { useState } from 'react';
import { IconButton } from '../../ui/Button';
import { ActivityDialog } from './ActivityDialog';
import { ActivityIcon } from '../../ui/icons';

/** Opens the list of queries Strata sent on its own behalf. */
export function ActivityButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <IconButton label="Queries Strata ran" onClick={() => setOpen(true)}>
        <ActivityIcon />
      </IconButton>
      {open ? <ActivityDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
