import type { LazyAppDatabase } from '../history/lazy-app-database';
import type { HandlerGroup } from '../host';

/** Queries saved by name, per connection or for all connections. */
export function createSavedQueryHandlers(database: LazyAppDatabase): HandlerGroup<'saved-query/list' | 'saved-query/save' | 'saved-query/delete'> {
  const store = () => database.get().savedQueries;
  return {
    'saved-query/list': async ({ connectionId }) => store().list(connectionId),
    'saved-query/save': async (input) => store().save(input),
    'saved-query/delete': async ({ id }) => ({ deleted: store().delete(id) }),
  };
}
