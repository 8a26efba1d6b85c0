import { api } from '../../bridge';
import { useStore } from '../../store';

/** Keeps each connection's open/closed/error state in step with the host's `connection/state` events. */
export function watchConnectionState(): () => void {
  return api.subscribe('connection/state', (event) => useStore.getState().applyConnectionState(event));
}
