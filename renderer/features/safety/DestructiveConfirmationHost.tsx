import { useSyncExternalStore } from 'react';
import { destructiveConfirmations } from './confirm-run';
import { DestructiveConfirmDialog } from './DestructiveConfirmDialog';

const subscribe = (listener: () => void) => destructiveConfirmations.subscribe(listener);
const current = () => destructiveConfirmations.current();

/** Mount once in the app: shows the pending destructive-statement confirmation, one at a time. */
export function DestructiveConfirmationHost() {
  const pending = useSyncExternalStore(subscribe, current);
  if (!pending) return null;
  return <DestructiveConfirmDialog key={pending.id} request={pending.request} onAnswer={(run) => destructiveConfirmations.answer(pending.id, run)} />;
}
