import { describe, expect, it } from 'vitest';
import { contract, MAX_RUN_WINDOW, MAX_PARAM_NAME_LENGTH, MAX_PARAM_VALUE_LENGTH, MAX_PARAMS, MAX_SQL_LENGTH, type ChannelInput } from '../../shared/ipc/contract';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type InvokeChannel } from '../../shared/ipc/channels';
import { emptyDraft } from '../../shared/model/connection';

const draft = { ...emptyDraft('postgres'), name: 'Local', database: 'postgres', user: 'postgres' };
const workspace = {
  tabs: [{ id: 'tab-1', title: 'Query 1', connectionId: 'c1', sql: 'SELECT 1', cursorOffset: 3 }],
  activeTabId: 'tab-1',
  activeConnectionId: 'c1',
  theme: 'dark' as const,
};

const goodPayloads: { [C in InvokeChannel]: ChannelInput<C> } = {
  'app/info': {},
  'vault/status': {},
  'vault/create': { password: 'correct horse' },
  'vault/unlock': { password: 'x' },
  'vault/lock': {},
  'vault/change-password': { current: 'old', next: 'new password' },
  'connection/list': {},
  'connection/save': { id: null, draft, password: { action: 'set', value: 'pw' } },
  'connection/delete': { id: 'c1' },
  'connection/duplicate': { id: 'c1' },
  'connection/test': { id: 'c1', draft, password: { action: 'keep' } },
  'connection/open': { id: 'c1' },
  'connection/close': { id: 'c1' },
  'connection/open-file': { path: '/tmp/shop.sqlite', readOnly: true },
  'connection/pick-file': { kind: 'ca-certificate' },
  'schema/children': { connectionId: 'c1', path: [{ kind: 'schema', name: 'public' }], refresh: true },
  'schema/table': { connectionId: 'c1', path: [{ kind: 'table', name: 'users' }] },
  'schema/ddl': { connectionId: 'c1', path: [{ kind: 'table', name: 'users' }] },
  'schema/search-path': { connectionId: 'c1' },
  'query/run': {
    connectionId: 'c1',
    runId: 'r1',
    sql: 'SELECT :greeting, :missing',
    baseOffset: 10,
    stopOnError: false,
    window: 4,
    memoryBudgetBytes: 1024 * 1024,
    params: [
      { name: ':greeting', value: "it's" },
      { name: ':missing', value: null },
    ],
  },
  'query/cancel': { runId: 'r1' },
  'query/ack': { runId: 'r1', batches: 2 },
  'query/page': { runId: 'r1', index: 0, fromRow: 5000, rowCount: 5000 },
  'query/discard': { runId: 'r1' },
  'query/explain': { connectionId: 'c1', sql: 'SELECT 1', analyze: true, explainId: 'e1' },
  'query/explain-cancel': { explainId: 'e1' },
  'history/list': { connectionId: 'c1', search: "100% o'clock", before: 42, limit: 100 },
  'history/get': { id: 1 },
  'history/delete': { id: 1 },
  'history/clear': { connectionId: 'c1' },
  'saved-query/list': { connectionId: 'c1' },
  'saved-query/save': { id: 'q1', connectionId: null, name: 'Orders', sql: 'SELECT 1' },
  'saved-query/delete': { id: 'q1' },
  'workspace/load': {},
  'workspace/save': { workspace },
  'activity/app-queries': { connectionId: 'c1', sinceId: 12 },
  'import/begin': { connectionId: 'c1', path: [{ kind: 'group', name: 'tables' }, { kind: 'table', name: 'people' }], columns: ['id', 'name'] },
  'import/rows': { importId: 'i1', firstLine: 2, lines: [2, 4], rows: [['1', 'Ada\nLovelace'], ['2', null]] },
  'import/commit': { importId: 'i1' },
  'import/abort': { importId: 'i1' },
  'table/rows': {
    connectionId: 'c1',
    path: [{ kind: 'schema', name: 'public' }, { kind: 'table', name: 'order "items"' }],
    filters: [{ column: 'name', operator: 'contains', value: "O'Brien 100%" }],
    sort: [{ column: 'id', direction: 'desc' }],
    offset: 200,
    limit: 100,
  },
  'table/estimate': { connectionId: 'c1', path: [{ kind: 'table', name: 'users' }], filters: [{ column: 'name', operator: 'contains', value: "o'" }] },
  'table/apply': {
    connectionId: 'c1',
    path: [{ kind: 'table', name: 'users' }],
    keyColumns: ['id'],
    changes: [
      { kind: 'insert', values: [{ column: 'name', value: 'Ada' }] },
      { kind: 'update', key: [{ column: 'id', value: '7' }], set: [{ column: 'name', value: null, original: 'Grace' }] },
      { kind: 'delete', key: [{ column: 'id', value: '9' }] },
    ],
  },
};

const channels = INVOKE_CHANNELS.map((channel) => [channel] as const);

function accepts(channel: InvokeChannel, input: unknown): boolean {
  return contract[channel].input.safeParse(input).success;
}

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return '42';
  if (typeof value === 'boolean') return 'true';
  if (value === null) return 12;
  if (Array.isArray(value)) return { length: 0 };
  return 'not an object';
}

describe('the IPC contract', () => {
  it('lists exactly the channels of the allow-list, and the events are distinct from them', () => {
    expect(Object.keys(contract).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(new Set(INVOKE_CHANNELS).size).toBe(INVOKE_CHANNELS.length);
    for (const event of EVENT_CHANNELS) expect(INVOKE_CHANNELS as readonly string[]).not.toContain(event);
  });

  it.each(channels)('%s accepts a good payload, also after a JSON round trip', (channel) => {
    expect(accepts(channel, goodPayloads[channel])).toBe(true);
    expect(accepts(channel, JSON.parse(JSON.stringify(goodPayloads[channel])))).toBe(true);
  });

  it.each(channels)('%s rejects an extra key', (channel) => {
    expect(accepts(channel, { ...goodPayloads[channel], extra: 1 })).toBe(false);
  });

  it.each(channels)('%s rejects a __proto__ key from JSON.parse', (channel) => {
    const good = JSON.stringify(goodPayloads[channel]);
    const polluted: unknown = JSON.parse(`{"__proto__":{"isAdmin":true}${good === '{}' ? '}' : `,${good.slice(1)}`}`);
    expect(Object.keys(polluted as object)).toContain('__proto__');
    expect(accepts(channel, polluted)).toBe(false);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each(channels)('%s rejects payloads that are not objects', (channel) => {
    for (const input of [null, undefined, 7, 'text', [], true]) expect(accepts(channel, input)).toBe(false);
  });

  it.each(channels)('%s rejects each field with the wrong type and each required field missing', (channel) => {
    const good = goodPayloads[channel] as Record<string, unknown>;
    for (const key of Object.keys(good)) {
      expect(accepts(channel, { ...good, [key]: wrongTypeFor(good[key]) }), `${key} with a wrong type`).toBe(false);
      const { [key]: _omitted, ...rest } = good;
      const optional = contract[channel].input.safeParse(rest).success;
      const isOptionalField = (channel === 'schema/children' && key === 'refresh') || (channel === 'query/run' && (key === 'baseOffset' || key === 'stopOnError' || key === 'window' || key === 'memoryBudgetBytes' || key === 'params')) ||
        channel === 'activity/app-queries' ||
        channel === 'history/list' ||
        channel === 'history/clear' ||
        channel === 'saved-query/list' ||
        (channel === 'saved-query/save' && key === 'id') ||
        (channel === 'import/rows' && key === 'lines') ||
        (channel === 'query/explain' && key === 'explainId') ||
        (channel === 'connection/pick-file' && key === 'kind') ||
        (channel === 'table/estimate' && key === 'filters');
      expect(optional, `${key} missing`).toBe(isOptionalField);
    }
  });

  describe('length limits', () => {
    const cases: [InvokeChannel, string, (max: number) => unknown, number][] = [
      ['query/run', 'sql', (length) => ({ ...goodPayloads['query/run'], sql: 'x'.repeat(length) }), MAX_SQL_LENGTH],
      ['query/run', 'runId', (length) => ({ ...goodPayloads['query/run'], runId: 'r'.repeat(length) }), 100],
      ['query/run', 'params[0].name', (length) => ({ ...goodPayloads['query/run'], params: [{ name: 'n'.repeat(length), value: '' }] }), MAX_PARAM_NAME_LENGTH],
      ['query/run', 'params[0].value', (length) => ({ ...goodPayloads['query/run'], params: [{ name: ':v', value: 'v'.repeat(length) }] }), MAX_PARAM_VALUE_LENGTH],
      ['query/run', 'params', (length) => ({ ...goodPayloads['query/run'], params: Array.from({ length }, (_unused, i) => ({ name: `:p${i}`, value: null })) }), MAX_PARAMS],
      ['query/ack', 'runId', (length) => ({ runId: 'r'.repeat(length), batches: 1 }), 100],
      ['query/explain', 'explainId', (length) => ({ ...goodPayloads['query/explain'], explainId: 'e'.repeat(length) }), 100],
      ['query/explain-cancel', 'explainId', (length) => ({ explainId: 'e'.repeat(length) }), 100],
      ['query/page', 'runId', (length) => ({ runId: 'r'.repeat(length), index: 0, fromRow: 0, rowCount: 1 }), 100],
      ['connection/open', 'id', (length) => ({ id: 'c'.repeat(length) }), 100],
      ['vault/unlock', 'password', (length) => ({ password: 'p'.repeat(length) }), 1024],
      ['connection/open-file', 'path', (length) => ({ path: '/'.repeat(length), readOnly: false }), 4096],
      ['connection/save', 'draft.name', (length) => ({ ...goodPayloads['connection/save'], draft: { ...draft, name: 'n'.repeat(length) } }), 200],
      [
        'connection/save',
        'draft.sslRootCertPath',
        (length) => ({ ...goodPayloads['connection/save'], draft: { ...draft, sslMode: 'verify-ca', sslRootCertPath: `/${'c'.repeat(length - 1)}` } }),
        4096,
      ],
      [
        'connection/save',
        'password.value',
        (length) => ({ ...goodPayloads['connection/save'], password: { action: 'set', value: 'p'.repeat(length) } }),
        4096,
      ],
      ['schema/children', 'path[0].name', (length) => ({ connectionId: 'c1', path: [{ kind: 'table', name: 'n'.repeat(length) }] }), 1024],
      [
        'workspace/save',
        'workspace.tabs[0].title',
        (length) => ({ workspace: { ...workspace, tabs: [{ ...workspace.tabs[0], title: 't'.repeat(length) }] } }),
        200,
      ],
    ];

    it.each(cases)('%s accepts %s at its maximum length and rejects one character more', (channel, _field, make, max) => {
      expect(accepts(channel, make(max))).toBe(true);
      expect(accepts(channel, make(max + 1))).toBe(false);
    });

    it('rejects a schema path deeper than 16 segments and a workspace with over 200 tabs', () => {
      const segment = { kind: 'schema' as const, name: 's' };
      expect(accepts('schema/children', { connectionId: 'c1', path: Array(16).fill(segment) })).toBe(true);
      expect(accepts('schema/children', { connectionId: 'c1', path: Array(17).fill(segment) })).toBe(false);
      const tabs = Array.from({ length: 201 }, (_, index) => ({ ...workspace.tabs[0], id: `t${index}` }));
      expect(accepts('workspace/save', { workspace: { ...workspace, tabs } })).toBe(false);
    });
  });

  it('rejects values outside their ranges and enumerations', () => {
    expect(accepts('vault/create', { password: 'short' })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, port: 70000 } })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, engine: 'oracle' } })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, sslMode: 'verify-ca', sslRootCertPath: '/etc/ssl/lan-ca.pem' } })).toBe(true);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, sslMode: 'verify_ca' } })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, sslRootCertPath: '/etc/ssl/ca.pem\n/etc/passwd' } })).toBe(false);
    expect(accepts('connection/pick-file', {})).toBe(true);
    expect(accepts('connection/pick-file', { kind: 'any-file' })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], draft: { ...draft, color: 'red' } })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], password: { action: 'set' } })).toBe(false);
    expect(accepts('connection/save', { ...goodPayloads['connection/save'], password: { action: 'keep', value: 'pw' } })).toBe(false);
    expect(accepts('query/run', { ...goodPayloads['query/run'], baseOffset: -1 })).toBe(false);
    expect(accepts('query/run', { ...goodPayloads['query/run'], baseOffset: 1.5 })).toBe(false);
    expect(accepts('query/run', { ...goodPayloads['query/run'], sql: '' })).toBe(false);
    for (const credit of [0, -1, 1.5, MAX_RUN_WINDOW + 1]) {
      expect(accepts('query/run', { ...goodPayloads['query/run'], window: credit }), `window ${credit}`).toBe(false);
      expect(accepts('query/ack', { runId: 'r1', batches: credit }), `batches ${credit}`).toBe(false);
    }
    expect(accepts('query/run', { ...goodPayloads['query/run'], window: MAX_RUN_WINDOW })).toBe(true);
    expect(accepts('query/ack', { runId: 'r1', batches: MAX_RUN_WINDOW })).toBe(true);
    expect(accepts('schema/table', { connectionId: 'c1', path: [] })).toBe(false);
    expect(accepts('schema/children', { connectionId: 'c1', path: [{ kind: 'planet', name: 'x' }] })).toBe(false);
    expect(accepts('activity/app-queries', {})).toBe(true);
    expect(accepts('activity/app-queries', { sinceId: -1 })).toBe(false);
    expect(accepts('activity/app-queries', { sinceId: 1.5 })).toBe(false);
  });
});

describe('result paging and memory budget inputs', () => {
  it('query/run refuses a memory budget under 1 MiB and accepts one of 1 MiB', () => {
    expect(accepts('query/run', { ...goodPayloads['query/run'], memoryBudgetBytes: 1024 * 1024 - 1 })).toBe(false);
    expect(accepts('query/run', { ...goodPayloads['query/run'], memoryBudgetBytes: 1024 * 1024 })).toBe(true);
  });

  it('query/page refuses negative rows, fractional rows and pages over 100,000 rows', () => {
    const page = goodPayloads['query/page'];
    expect(accepts('query/page', { ...page, fromRow: -1 })).toBe(false);
    expect(accepts('query/page', { ...page, fromRow: 1.5 })).toBe(false);
    expect(accepts('query/page', { ...page, rowCount: 0 })).toBe(false);
    expect(accepts('query/page', { ...page, rowCount: 100_001 })).toBe(false);
    expect(accepts('query/page', { ...page, rowCount: 100_000 })).toBe(true);
  });
});
