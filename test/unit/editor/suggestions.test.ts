import { describe, expect, it } from 'vitest';
import { completeAt } from '../../../renderer/features/editor/completion/complete';
import type { CompletionCatalog } from '../../../renderer/features/editor/completion/completion-catalog';
import { SUGGESTION_LIMIT, type Suggestion } from '../../../renderer/features/editor/completion/suggest';
import { completionDialectFor, type CompletionDialect } from '../../../renderer/features/editor/completion/completion-dialect';
import { withCaret } from './caret';
import { memoryCatalog, mysqlTree, postgresTree, sqliteTree, type MemoryTable } from './memory-catalog';

const SHOP: MemoryTable[] = [
  { name: 'customers', columns: ['id', 'name', 'email'] },
  { name: 'orders', columns: ['id', 'customer_id', 'status', 'total'] },
  { name: 'order_items', columns: ['order_id', 'product_id', 'quantity'] },
  { name: 'order', columns: ['id'] },
  { name: 'Users', columns: ['Id', 'e-mail'] },
  { name: 'we"ird', columns: ['sp ace', 'x"y'] },
  { name: 'order_totals', kind: 'view', columns: ['order_id', 'total'] },
];
const SALES: MemoryTable[] = [{ name: 'invoices', columns: ['invoice_no', 'amount'] }];

const postgres = () => memoryCatalog(postgresTree({ shop: { public: SHOP, sales: SALES } }), { engine: 'postgres', database: 'shop', searchPath: ['public'] });
const mysql = () =>
  memoryCatalog(mysqlTree({ shop: [...SHOP, { name: 'back`tick', columns: ['a`b'] }], archive: [{ name: 'old_orders', columns: ['id'] }] }), {
    engine: 'mysql',
    database: 'shop',
    searchPath: ['shop'],
  });
const sqlite = () => memoryCatalog(sqliteTree(SHOP), { engine: 'sqlite', database: '' });

async function complete(marked: string, catalog: CompletionCatalog | null, dialect: CompletionDialect = catalog?.dialect ?? 'postgres') {
  const { text, offset } = withCaret(marked);
  const result = await completeAt(text, offset, dialect, catalog);
  return { ...result, text, offset, labels: result.suggestions.map((s) => s.label), byLabel: (label: string) => result.suggestions.find((s) => s.label === label) };
}

const labelsOfKind = (suggestions: Suggestion[], kind: Suggestion['kind']) => suggestions.filter((s) => s.kind === kind).map((s) => s.label);

/** The text after accepting a suggestion: the typed name (from `start` to the cursor) replaced by its insert text. */
function accept(result: { text: string; offset: number; start: number }, suggestion: Suggestion): string {
  return result.text.slice(0, result.start) + suggestion.insertText + result.text.slice(result.offset);
}

describe('suggestions after FROM', () => {
  it('offers the default schema\'s tables and views that start with what is typed, and nothing else', async () => {
    const { catalog } = postgres();
    const result = await complete('select * from ord‸', catalog);
    expect(result.labels).toEqual(['order', 'order_items', 'order_totals', 'orders']);
    expect(result.byLabel('order_totals')).toMatchObject({ kind: 'view', detail: 'view · public' });
    expect(result.incomplete).toBe(false);
    expect(accept(result, result.byLabel('orders') as Suggestion)).toBe('select * from orders');
  });

  it('lists tables, then schemas, with nothing typed, but no keywords or columns', async () => {
    const { catalog } = postgres();
    const { suggestions } = await complete('select * from ‸', catalog);
    expect(labelsOfKind(suggestions, 'table')).toContain('customers');
    expect(labelsOfKind(suggestions, 'schema')).toEqual(['pg_catalog', 'public', 'sales']);
    expect(suggestions.findIndex((s) => s.kind === 'schema')).toBeGreaterThan(suggestions.findLastIndex((s) => s.kind === 'table' || s.kind === 'view'));
    expect(suggestions.some((s) => s.kind === 'keyword' || s.kind === 'column')).toBe(false);
  });

  it('offers CTE names first', async () => {
    const { catalog } = postgres();
    const result = await complete('with ordered as (select 1) select * from orde‸', catalog);
    expect(result.labels[0]).toBe('ordered');
    expect(result.labels).toContain('orders');
  });

  it('quotes names the dialect cannot read bare: reserved words, upper case, quotes, spaces', async () => {
    const { catalog } = postgres();
    const result = await complete('select * from ‸', catalog);
    expect(result.byLabel('order')?.insertText).toBe('"order"');
    expect(result.byLabel('Users')?.insertText).toBe('"Users"');
    expect(result.byLabel('we"ird')?.insertText).toBe('"we""ird"');
    expect(result.byLabel('orders')?.insertText).toBe('orders');
    const typedBare = await complete('select * from we‸', catalog);
    expect(accept(typedBare, typedBare.byLabel('we"ird') as Suggestion)).toBe('select * from "we""ird"');
  });

  it('completes a name typed inside quotes, keeping the quotes right', async () => {
    const { catalog } = postgres();
    const result = await complete('select * from "we""i‸', catalog);
    expect(result.labels).toEqual(['we"ird']);
    expect(result.byLabel('we"ird')).toMatchObject({ insertText: '"we""ird"', filterText: '"we""i' });
    expect(accept(result, result.suggestions[0])).toBe('select * from "we""ird"');
  });

  it('quotes with backticks in MySQL', async () => {
    const { catalog } = mysql();
    const result = await complete('select * from ‸', catalog);
    expect(result.byLabel('back`tick')?.insertText).toBe('`back``tick`');
    expect(result.byLabel('order')?.insertText).toBe('`order`');
    expect(result.byLabel('Users')?.insertText).toBe('Users');
    const typed = await complete('select * from `back``t‸', catalog);
    expect(typed.labels).toEqual(['back`tick']);
    expect(accept(typed, typed.suggestions[0])).toBe('select * from `back``tick`');
  });
});

describe('columns', () => {
  it('offers a table\'s columns through its alias, in table order', async () => {
    const { catalog } = postgres();
    const result = await complete('select o.‸ from orders o', catalog);
    expect(result.labels).toEqual(['id', 'customer_id', 'status', 'total']);
    expect(result.byLabel('status')).toMatchObject({ kind: 'column', detail: 'status_type · orders' });
    const typed = await complete('select o.st‸ from orders o', catalog);
    expect(typed.labels).toEqual(['status', 'customer_id']);
  });

  it('offers the columns of each joined table through its alias or name', async () => {
    const { catalog } = postgres();
    const joined = 'select * from orders o join customers c on c.‸ = o.customer_id';
    expect((await complete(joined, catalog)).labels).toEqual(['id', 'name', 'email']);
    expect((await complete('select * from orders join customers on customers.‸', catalog)).labels).toEqual(['id', 'name', 'email']);
    expect((await complete('select orders.‸', catalog)).labels).toEqual(['id', 'customer_id', 'status', 'total']);
  });

  it('ranks the columns of the tables in scope first, then aliases, functions and keywords', async () => {
    const { catalog } = postgres();
    const { suggestions } = await complete('select * from orders o join customers c on o.customer_id = c.id where ‸', catalog);
    const kinds = suggestions.map((s) => s.kind);
    const firstOf = (kind: Suggestion['kind']) => kinds.indexOf(kind);
    expect(suggestions.slice(0, 6).map((s) => s.label)).toEqual(['id', 'customer_id', 'status', 'total', 'name', 'email']);
    expect(firstOf('alias')).toBeGreaterThan(kinds.lastIndexOf('column'));
    expect(firstOf('function')).toBeGreaterThan(kinds.lastIndexOf('alias'));
    expect(firstOf('keyword')).toBeGreaterThan(kinds.lastIndexOf('function'));
    expect(suggestions.filter((s) => s.kind === 'alias').map((s) => s.label)).toEqual(['o', 'c']);
    expect([...suggestions].sort((a, b) => a.sortText.localeCompare(b.sortText))).toEqual(suggestions);
  });

  it('quotes hostile column names', async () => {
    const { catalog } = postgres();
    const result = await complete('select w.‸ from "we""ird" w', catalog);
    expect(result.suggestions.map((s) => s.insertText)).toEqual(['"sp ace"', '"x""y"']);
    const users = await complete('select u.‸ from "Users" u', catalog);
    expect(users.suggestions.map((s) => s.insertText)).toEqual(['"Id"', '"e-mail"']);
    const { catalog: my } = mysql();
    const back = await complete('select b.‸ from `back``tick` b', my);
    expect(back.suggestions.map((s) => s.insertText)).toEqual(['`a``b`']);
  });

  it('offers the target table\'s columns in INSERT INTO t (…)', async () => {
    const { catalog } = postgres();
    expect((await complete('insert into orders (id, ‸', catalog)).labels).toEqual(['id', 'customer_id', 'status', 'total']);
  });

  it('offers the columns a CTE lists', async () => {
    const { catalog } = postgres();
    expect((await complete('with r (a, b) as (select 1, 2) select r.‸ from r', catalog)).labels).toEqual(['a', 'b']);
  });
});

describe('qualified names', () => {
  it('offers the tables of a schema after its name and a dot, reading that schema only then', async () => {
    const { catalog, reads } = postgres();
    await complete('select * from ‸', catalog);
    expect(reads.some((read) => read.includes('schema:sales/'))).toBe(false);
    const result = await complete('select * from sales.‸', catalog);
    expect(result.labels).toEqual(['invoices']);
    expect(result.byLabel('invoices')?.detail).toBe('table · sales');
    expect(reads).toContain('children database:shop/schema:sales/group:tables');
  });

  it('offers the columns of a schema-qualified table, through its alias too', async () => {
    const { catalog } = postgres();
    expect((await complete('select i.‸ from sales.invoices i', catalog)).labels).toEqual(['invoice_no', 'amount']);
    expect((await complete('select * from sales.invoices where sales.invoices.‸', catalog)).labels).toEqual(['invoice_no', 'amount']);
  });

  it('offers the tables of another MySQL database after its name', async () => {
    const { catalog } = mysql();
    expect((await complete('select * from archive.‸', catalog)).labels).toEqual(['old_orders']);
    expect((await complete('select * from ord‸', catalog)).labels).not.toContain('old_orders');
  });
});

describe('keywords and functions per dialect', () => {
  const words = async (marked: string, dialect: CompletionDialect) => (await complete(marked, null, dialect)).labels;

  it('offers each dialect its own keywords', async () => {
    expect(await words('select * from t where a IL‸', 'postgres')).toContain('ILIKE');
    expect(await words('select * from t where a IL‸', 'mysql')).not.toContain('ILIKE');
    expect(await words('select * from t STRAIGHT‸', 'mysql')).toContain('STRAIGHT_JOIN');
    expect(await words('select * from t STRAIGHT‸', 'postgres')).not.toContain('STRAIGHT_JOIN');
    expect(await words('PRAG‸', 'sqlite')).toEqual(['PRAGMA']);
    expect(await words('PRAG‸', 'postgres')).toEqual([]);
    expect(await words('sel‸', 'postgres')).toEqual(['select']);
  });

  it('offers each dialect its own functions, inserted with parentheses', async () => {
    const postgresFunctions = await complete('select generate_‸', null, 'postgres');
    expect(postgresFunctions.byLabel('generate_series')).toMatchObject({ kind: 'function', insertText: 'generate_series($0)', snippet: true });
    expect(await words('select group_con‸', 'mysql')).toContain('group_concat');
    expect(await words('select group_con‸', 'postgres')).not.toContain('group_concat');
    expect(await words('select julian‸', 'sqlite')).toEqual(['julianday']);
  });

  it('writes keywords in the case the user is typing', async () => {
    expect(await words('select * from t wh‸', 'postgres')).toContain('where');
    expect(await words('select * from t WH‸', 'postgres')).toContain('WHERE');
    expect(await words('select * from t ‸', 'postgres')).toContain('WHERE');
  });

  it('offers nothing inside a string or a comment', async () => {
    const { catalog } = postgres();
    expect((await complete("select * from orders where status = 'ord‸'", catalog)).suggestions).toEqual([]);
    expect((await complete('select * from orders -- ord‸', catalog)).suggestions).toEqual([]);
  });
});

describe('SQLite', () => {
  it('offers tables and columns of the file, with no schema level', async () => {
    const { catalog, reads } = sqlite();
    const tables = await complete('select  from ord‸', catalog);
    expect(tables.labels).toEqual(['order', 'order_items', 'order_totals', 'orders']);
    expect(tables.byLabel('orders')?.detail).toBe('table');
    expect(tables.byLabel('order')?.insertText).toBe('"order"');
    expect((await complete('select o.‸ from orders o', catalog)).labels).toEqual(['id', 'customer_id', 'status', 'total']);
    expect(reads).toEqual(['children (root)', 'children group:tables', 'children group:views', 'columns group:tables/table:orders']);
  });
});

describe('many tables', () => {
  const many: MemoryTable[] = Array.from({ length: 10_000 }, (_, i) => ({ name: `t${String(i).padStart(5, '0')}`, columns: ['id'] }));

  it('caps the list and marks it incomplete, then narrows as the user types', async () => {
    const { catalog } = memoryCatalog(postgresTree({ big: { public: many } }), { engine: 'postgres', database: 'big', searchPath: ['public'] });
    const all = await complete('select * from ‸', catalog);
    expect(all.suggestions).toHaveLength(SUGGESTION_LIMIT);
    expect(all.incomplete).toBe(true);
    const narrowed = await complete('select * from t0999‸', catalog);
    expect(narrowed.labels).toEqual(Array.from({ length: 10 }, (_, i) => `t0999${i}`));
    expect(narrowed.incomplete).toBe(false);
  });
});

describe('matching beyond the start of a name', () => {
  const STORE: MemoryTable[] = [
    { name: 'customer_orders', columns: ['id'] },
    { name: 'orders', columns: ['id', 'recorded_at', 'customerOrderNo'] },
    { name: 'ordinal_lookup', columns: ['id'] },
    { name: 'recorder', columns: ['id'] },
    { name: 'company', columns: ['id'] },
    { name: 'CargoOrders', columns: ['id'] },
  ];
  const store = () => memoryCatalog(postgresTree({ shop: { public: STORE } }), { engine: 'postgres', database: 'shop', searchPath: ['public'] });

  it('ranks names that start with the text first, then those with a word that does, then those that hold it', async () => {
    const { catalog } = store();
    const result = await complete('select * from ord‸', catalog);
    expect(result.labels).toEqual(['orders', 'ordinal_lookup', 'CargoOrders', 'customer_orders', 'recorder']);
    expect(result.suggestions.map((s) => s.sortText)).toEqual(['0000', '0001', '0002', '0003', '0004']);
    expect(accept(result, result.byLabel('CargoOrders') as Suggestion)).toBe('select * from "CargoOrders"');
  });

  it('finds a name by the initials of its words, ranked with word matches', async () => {
    const { catalog } = store();
    const result = await complete('select * from co‸', catalog);
    expect(result.labels).toEqual(['company', 'CargoOrders', 'customer_orders', 'recorder']);
    expect(result.byLabel('customer_orders')?.insertText).toBe('customer_orders');
    expect((await complete('select * from cuo‸', catalog)).labels).toEqual([]);
  });

  it('applies the same order to columns, across camelCase words', async () => {
    const { catalog } = store();
    expect((await complete('select o.or‸ from orders o', catalog)).labels).toEqual(['customerOrderNo', 'recorded_at']);
    expect((await complete('select o.no‸ from orders o', catalog)).labels).toEqual(['customerOrderNo']);
  });

  it('gives every item the typed text as its filter text, so the editor keeps the order', async () => {
    const { catalog } = store();
    const result = await complete('select * from cust‸', catalog);
    expect(result.suggestions.map((s) => s.filterText)).toEqual(['cust']);
    const empty = await complete('select * from ‸', catalog);
    expect(new Set(empty.suggestions.map((s) => s.filterText))).toEqual(new Set(['']));
    const sorted = [...empty.suggestions].sort((a, b) => (a.sortText < b.sortText ? -1 : 1));
    expect(sorted).toEqual(empty.suggestions);
  });

  it('fills the list with prefix matches before any other match', async () => {
    const many: MemoryTable[] = [
      ...Array.from({ length: 300 }, (_, i) => ({ name: `ord_${String(i).padStart(3, '0')}`, columns: ['id'] })),
      { name: 'customer_orders', columns: ['id'] },
    ];
    const { catalog } = memoryCatalog(postgresTree({ big: { public: many } }), { engine: 'postgres', database: 'big', searchPath: ['public'] });
    const result = await complete('select * from ord‸', catalog);
    expect(result.suggestions).toHaveLength(SUGGESTION_LIMIT);
    expect(result.labels).not.toContain('customer_orders');
    expect(result.incomplete).toBe(true);
    expect((await complete('select * from orders‸', catalog)).labels).toEqual(['customer_orders']);
  });
});

describe('without an open connection', () => {
  it('offers the engine\'s keywords and functions but no names', async () => {
    const postgresWords = await complete('select jsonb_build‸', null, 'postgres');
    expect(postgresWords.labels).toEqual(['jsonb_build_array', 'jsonb_build_object']);
    expect((await complete('select * from ‸', null, 'mysql')).suggestions).toEqual([]);
    expect((await complete('select * from t ‸', null, 'mysql')).labels).toContain('STRAIGHT_JOIN');
  });

  it('offers standard SQL\'s keywords and functions to a tab with no connection', async () => {
    expect(completionDialectFor(null)).toBe('generic');
    expect(completionDialectFor('mysql')).toBe('mysql');
    const generic = (marked: string) => complete(marked, null, 'generic');
    expect((await generic('sel‸')).labels).toEqual(['select']);
    expect((await generic('select coal‸')).byLabel('coalesce')).toMatchObject({ kind: 'function', insertText: 'coalesce($0)' });
    expect((await generic('select * from t wh‸')).labels).toContain('where');
    expect((await generic('select jsonb_build‸')).labels).toEqual([]);
    expect((await generic('select group_con‸')).labels).toEqual([]);
    expect((await generic('PRAG‸')).labels).toEqual([]);
  });

  it('quotes a CTE name the standard way', async () => {
    const result = await complete('with "Recent Orders" as (select 1) select * from rec‸', null, 'generic');
    expect(result.byLabel('Recent Orders')?.insertText).toBe('"Recent Orders"');
  });
});

describe('the case of keywords and functions', () => {
  it('follows the case the user types', async () => {
    expect((await complete('select GROUP_CON‸', null, 'mysql')).labels).toEqual(['GROUP_CONCAT']);
    expect((await complete('select group_con‸', null, 'mysql')).labels).toEqual(['group_concat']);
    expect((await complete('select Group_con‸', null, 'mysql')).labels).toEqual(['group_concat']);
    expect((await complete('select JSON_EXT‸', null, 'sqlite')).byLabel('JSON_EXTRACT')?.insertText).toBe('JSON_EXTRACT($0)');
  });
});
