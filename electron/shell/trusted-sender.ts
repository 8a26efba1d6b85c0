import type { InvokeResult } from '../../shared/ipc/wire';
import { isAppUrl } from './app-origin';

/** Only the top-level frame of a page we loaded from app://strata may reach the core. */
export function isTrustedSender(url: string, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(url);
}

/** The reply to an IPC call from any other frame or page; the call never reaches the core. */
export function untrustedSenderResult(): InvokeResult {
  return {
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: 'This request came from a page Strata did not load, so it was refused. Reload the window.',
    },
  };
}
