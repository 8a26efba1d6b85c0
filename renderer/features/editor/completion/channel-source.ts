import type { ChannelInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { fromChildList } from '../../../../shared/model/schema';
import type { CatalogSource } from './completion-catalog';

type CatalogChannel = 'schema/children' | 'schema/search-path' | 'schema/table';

/** Calls one of the core's channels: the bridge's invoke in the app. */
export type CatalogInvoke = <C extends CatalogChannel>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/** A connection's names as the core gives them, through the same channels (and main's cache) as the schema tree. */
export function channelSource(invoke: CatalogInvoke, connectionId: string): CatalogSource {
  return {
    children: async (path) => fromChildList(await invoke('schema/children', { connectionId, path })),
    searchPath: async () => (await invoke('schema/search-path', { connectionId })).searchPath,
    columns: async (path) => (await invoke('schema/table', { connectionId, path })).columns,
  };
}
