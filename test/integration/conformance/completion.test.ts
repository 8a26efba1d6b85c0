import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogLayoutFor } from '../../../renderer/features/editor/completion/catalog-layout';
import { channelSource } from '../../../renderer/features/editor/completion/channel-source';
import { completeAt } from '../../../renderer/features/editor/completion/complete';
import { CompletionCatalog } from '../../../renderer/features/editor/completion/completion-catalog';
import type { Suggestion } from '../../../renderer/features/editor/completion/suggest';
import type { ConnectionDraft } from '../../../shared/model/connection';
import { admin as mysqlAdmin } from '../mysql/support';
import { type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';
import { openKitSession } from './kit-session';

const CARET = '‸';

/** The tables every engine gets in its default namespace: a name that needs quotes, a reserved word, names sharing `ord`. */
const TABLES: Record<string, string[]> = {
  customers: ['id', 'name', 'email'],
  orders: ['id', 'customer_id', 'status', 'total'],
  'order items': ['order_id', 'quantity'],
  select: ['id'],
  customer_orders: ['customer_id', 'order_id'],
};

/** The second namespace's tables (a schema on PostgreSQL, a database on MariaDB); its `orders` shadows the default one when searched first. */
const OTHER_TABLES: Record<string, string[]> = {
  invoices: ['invoice_no', 'amount'],
  orders: ['archived_id'],
};

/** A function only the dialect has, as the user might type its start, and its label. */
const DIALECT_FUNCTIONS: Record<EngineKit['engine'], { typed: string; label: string }[]> = {
  postgres: [{ typed: 'jsonb_build_o', label: 'jsonb_build_object' }],
  mysql: [{ typed: 'GROUP_CON', label: 'GROUP_CONCAT' }],
  sqlite: [
    { typed: 'group_con', label: 'group_concat' },
    { typed: 'json_ext', label: 'json_extract' },
  ],
};

/** `target` is the table's name as SQL text, quoted and qualified as needed. */
const createTable = (kit: EngineKit, target: string, columns: string[]) => `CREATE TABLE ${target} (${columns.map((column) => `${kit.quote(column)} INT`).join(', ')})`;

describe.each(engineKits())('completion over the catalog the core reads ($label)', (kit) => {
  let core: TestCore;
  let client: TestClient;
  let connectionId = '';
  let runs = 0;
  const database = () => kit.draft().database;
  /** The second namespace: a schema in the scratch database, or a second database; none in SQLite. */
  const otherNamespace = () => (kit.engine === 'postgres' ? 'other_schema' : `${database()}_other`);

  /** A fresh catalog over the core's channels, as the renderer builds one when a connection opens. */
  const catalogOf = (id: string, draft: ConnectionDraft = kit.draft()) =>
    new CompletionCatalog(channelSource(client.call, id), catalogLayoutFor({ engine: kit.engine, database: draft.database }));

  const complete = async (marked: string, catalog: CompletionCatalog) => {
    const offset = marked.indexOf(CARET);
    const text = marked.slice(0, offset) + marked.slice(offset + 1);
    const result = await completeAt(text, offset, kit.engine, catalog);
    const ofKind = (...kinds: Suggestion['kind'][]) => result.suggestions.filter((s) => kinds.includes(s.kind)).map((s) => s.label);
    const byLabel = (label: string) => result.suggestions.find((s) => s.label === label);
    /** The text after accepting the suggestion labelled `label`. */
    const accept = (label: string) => {
      const suggestion = byLabel(label);
      if (!suggestion) throw new Error(`${label} was not suggested: ${result.suggestions.map((s) => s.label).join(', ')}`);
      return text.slice(0, result.start) + suggestion.insertText + text.slice(offset);
    };
    return { ...result, labels: result.suggestions.map((s) => s.label), ofKind, byLabel, accept };
  };

  const runSql = async (id: string, sql: string) => {
    const runId = `completion-${++runs}`;
    await client.call('query/run', { connectionId: id, runId, sql });
    const events = await client.waitForRunEnd(runId);
    const failure = events.find((event) => event.type === 'statement-error');
    if (failure) throw new Error(JSON.stringify(failure));
  };

  const reopen = async (id: string) => {
    await client.call('connection/close', { id });
    await client.call('connection/open', { id });
  };

  beforeAll(async () => {
    await kit.setup();
    for (const [name, columns] of Object.entries(TABLES)) await kit.admin(createTable(kit, kit.quote(name), columns));
    if (kit.engine === 'postgres') {
      await kit.admin(`CREATE SCHEMA ${otherNamespace()}`);
      for (const [name, columns] of Object.entries(OTHER_TABLES)) await kit.admin(createTable(kit, `${otherNamespace()}.${kit.quote(name)}`, columns));
    }
    if (kit.engine === 'mysql') {
      await mysqlAdmin(`CREATE DATABASE ${kit.quote(otherNamespace())}`);
      for (const [name, columns] of Object.entries(OTHER_TABLES)) await mysqlAdmin(createTable(kit, kit.quote(name), columns), [], otherNamespace());
    }
    ({ core, client, connectionId } = await openKitSession(kit));
  });

  afterAll(async () => {
    await core?.cleanup();
    if (kit.engine === 'mysql') await mysqlAdmin(`DROP DATABASE IF EXISTS ${kit.quote(otherNamespace())}`);
    await kit.teardown();
  });

  it('reports where unqualified names are looked up: public, the profile\'s database, main', async () => {
    const expected = { postgres: ['public'], mysql: [database()], sqlite: ['main'] }[kit.engine];
    expect((await client.call('schema/search-path', { connectionId })).searchPath).toEqual(expected);
  });

  it('offers the tables of the search path after FROM, quoted where needed, and not those of other namespaces', async () => {
    const catalog = catalogOf(connectionId);
    const result = await complete(`SELECT * FROM ${CARET}`, catalog);
    expect(result.ofKind('table').sort()).toEqual(Object.keys(TABLES).sort());
    expect(result.byLabel('invoices')).toBeUndefined();
    expect(result.accept('order items')).toBe(`SELECT * FROM ${kit.quote('order items')}`);
    expect(result.accept('select')).toBe(`SELECT * FROM ${kit.quote('select')}`);
    expect(result.accept('orders')).toBe('SELECT * FROM orders');
    if (kit.engine !== 'sqlite') expect(result.ofKind('schema')).toContain(otherNamespace());
  });

  it('ranks tables that start with the typed text before those with a word that does', async () => {
    const result = await complete(`SELECT * FROM ord${CARET}`, catalogOf(connectionId));
    expect(result.ofKind('table')).toEqual(['order items', 'orders', 'customer_orders']);
    expect(result.suggestions.every((s) => s.filterText === 'ord')).toBe(true);
  });

  it('offers the columns of each joined table through its alias, in table order', async () => {
    const catalog = catalogOf(connectionId);
    const joined = (select: string) => `SELECT ${select} FROM orders o JOIN customers c ON c.id = o.customer_id`;
    const orders = await complete(joined(`o.${CARET}`), catalog);
    expect(orders.labels).toEqual(TABLES.orders);
    expect(orders.suggestions.every((s) => s.kind === 'column')).toBe(true);
    expect((await complete(joined(`c.${CARET}`), catalog)).labels).toEqual(TABLES.customers);
    expect((await complete(joined(`c.na${CARET}`), catalog)).accept('name')).toBe(joined('c.name'));
    const items = await complete(`SELECT i.${CARET} FROM ${kit.quote('order items')} i`, catalog);
    expect(items.labels).toEqual(TABLES['order items']);
  });

  it('offers the tables of a namespace after its name and a dot, and the columns of its tables', async () => {
    const catalog = catalogOf(connectionId);
    if (kit.engine === 'sqlite') {
      expect((await complete(`SELECT * FROM main.${CARET}`, catalog)).ofKind('table').sort()).toEqual(Object.keys(TABLES).sort());
      return;
    }
    const other = otherNamespace();
    expect((await complete(`SELECT * FROM ${other}.${CARET}`, catalog)).labels).toEqual(['invoices', 'orders']);
    expect((await complete(`SELECT x.${CARET} FROM ${other}.invoices x`, catalog)).labels).toEqual(OTHER_TABLES.invoices);
    expect((await complete(`SELECT o.${CARET} FROM orders o`, catalog)).labels).toEqual(TABLES.orders);
  });

  it('offers the dialect\'s keywords and functions', async () => {
    const catalog = catalogOf(connectionId);
    for (const { typed, label } of DIALECT_FUNCTIONS[kit.engine]) {
      const result = await complete(`SELECT ${typed}${CARET}`, catalog);
      expect(result.byLabel(label), label).toMatchObject({ kind: 'function', insertText: `${label}($0)` });
    }
    expect((await complete(`SELECT * FROM orders WH${CARET}`, catalog)).ofKind('keyword')).toContain('WHERE');
  });

  it.runIf(kit.engine === 'postgres')('honours the search path set on the database, not one a run SETs', async () => {
    const other = otherNamespace();
    await runSql(connectionId, `SET search_path = ${other}`);
    expect((await client.call('schema/search-path', { connectionId })).searchPath).toEqual(['public']);

    await kit.admin(`ALTER DATABASE ${kit.quote(database())} SET search_path = ${other}, public`);
    try {
      await reopen(connectionId);
      expect((await client.call('schema/search-path', { connectionId })).searchPath).toEqual([other, 'public']);
      const catalog = catalogOf(connectionId);
      const tables = await complete(`SELECT * FROM ${CARET}`, catalog);
      expect(tables.byLabel('invoices')).toMatchObject({ kind: 'table', detail: `table · ${other}` });
      expect(tables.byLabel('customers')).toMatchObject({ kind: 'table', detail: 'table · public' });
      expect(tables.ofKind('table').indexOf('invoices')).toBeLessThan(tables.ofKind('table').indexOf('customers'));
      expect((await complete(`SELECT o.${CARET} FROM orders o`, catalog)).labels).toEqual(OTHER_TABLES.orders);
      expect((await complete(`SELECT o.${CARET} FROM public.orders o`, catalog)).labels).toEqual(TABLES.orders);
    } finally {
      await kit.admin(`ALTER DATABASE ${kit.quote(database())} RESET search_path`);
      await reopen(connectionId);
    }
  });

  it.runIf(kit.engine === 'mysql')('looks up no unqualified names without a current database, and ignores a run\'s USE', async () => {
    await runSql(connectionId, `USE ${kit.quote(otherNamespace())}`);
    expect((await client.call('schema/search-path', { connectionId })).searchPath).toEqual([database()]);

    const draft = kit.draft({ name: 'completion without a database', database: '' });
    const bare = (await client.call('connection/save', { id: null, draft, password: { action: 'keep' } })).id;
    await client.call('connection/open', { id: bare });
    expect((await client.call('schema/search-path', { connectionId: bare })).searchPath).toEqual([]);
    const catalog = catalogOf(bare, draft);
    const result = await complete(`SELECT * FROM ${CARET}`, catalog);
    expect(result.ofKind('table')).toEqual([]);
    expect(result.ofKind('schema')).toEqual(expect.arrayContaining([database(), otherNamespace()]));
    expect((await complete(`SELECT * FROM ${database()}.${CARET}`, catalog)).ofKind('table').sort()).toEqual(Object.keys(TABLES).sort());
    await client.call('connection/close', { id: bare });
  });
});
