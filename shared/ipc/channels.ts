/**
 * The allow-list of channel names. Kept free of zod so the sandboxed preload can bundle it cheaply;
 * contract.ts checks at compile time that it lists exactly the contract's channels.
 */
export const INVOKE_CHANNELS = [
  'app/info',
  'vault/status',
  'vault/create',
  'vault/unlock',
  'vault/lock',
  'vault/change-password',
  'connection/list',
  'connection/save',
  'connection/delete',
  'connection/duplicate',
  'connection/test',
  'connection/open',
  'connection/close',
  'connection/open-file',
  'connection/pick-file',
  'schema/children',
  'schema/table',
  'schema/ddl',
  'schema/search-path',
  'query/run',
  'query/cancel',
  'query/ack',
  'query/page',
  'query/discard',
  'query/explain',
  'query/explain-cancel',
  'workspace/load',
  'workspace/save',
  'activity/app-queries',
  'history/list',
  'history/get',
  'history/delete',
  'history/clear',
  'saved-query/list',
  'saved-query/save',
  'saved-query/delete',
  'import/begin',
  'import/rows',
  'import/commit',
  'import/abort',
  'table/rows',
  'table/estimate',
  'table/apply',
] as const;
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

export const EVENT_CHANNELS = ['query/event', 'connection/state'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && (INVOKE_CHANNELS as readonly string[]).includes(value);
}

export function isEventChannel(value: unknown): value is EventChannel {
  return typeof value === 'string' && (EVENT_CHANNELS as readonly string[]).includes(value);
}
