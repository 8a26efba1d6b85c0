import type { HandlerGroup } from '../host';
import type { AppQueryLog } from './app-query-log';

export function createActivityHandlers(log: AppQueryLog): HandlerGroup<'activity/app-queries'> {
  return {
    'activity/app-queries': async ({ connectionId, sinceId }) => log.read({ connectionId, sinceId }),
  };
}
