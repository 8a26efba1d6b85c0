import { describe, expect, it } from 'vitest';
import { catalogLayoutFor } from '../../../renderer/features/editor/completion/catalog-layout';
import { CompletionCatalog, type CatalogSource } from '../../../renderer/features/editor/completion/completion-catalog';
import { memoryCatalog, memorySource, mysqlTree, postgresTree } from './memory-catalog';

const names = (catalog: CompletionCatalog) =>
  catalog.defaultNamespaces().map((namespace) => ({ namespace: namespace.name, relations: catalog.relations(namespace)?.withPrefix('', 100).entries.map((r) => r.name) }));

describe('CompletionCatalog', () => {
  it('reads only the default schema eagerly: its tables and views, no other schema, no columns', async () => {
    const { catalog, reads } = memoryCatalog(
      postgresTree({
        shop: { public: [{ name: 'orders', columns: ['id'] }, { name: 'v', kind: 'view', columns: ['x'] }], sales: [{ name: 'invoices', columns: ['n'] }] },
        other: { public: [{ name: 'elsewhere', columns: ['id'] }] },
      }),
      { engine: 'postgres', database: 'shop', searchPath: ['public'] },
    );
    await catalog.loadDefaults();
    expect(reads).toEqual([
      'children (root)',
      'search-path',
      'children database:shop',
      'children database:shop/schema:public',
      'children database:shop/schema:public/group:tables',
      'children database:shop/schema:public/group:views',
    ]);
    expect(names(catalog)).toEqual([{ namespace: 'public', relations: ['orders', 'v'] }]);
    expect(catalog.findRelation(['invoices'])).toBeNull();
    expect(catalog.namespaces().withPrefix('', 10).entries.map((n) => n.name)).toEqual(['pg_catalog', 'public', 'sales']);
  });

  it('follows the search path the server reports, in its order', async () => {
    const tree = postgresTree({ shop: { public: [{ name: 'orders', columns: ['id'] }], app: [{ name: 'orders', columns: ['mine'] }, { name: 'notes', columns: ['t'] }] } });
    const { catalog } = memoryCatalog(tree, { engine: 'postgres', database: 'shop', searchPath: ['app', 'public'] });
    await catalog.loadDefaults();
    expect(catalog.defaultNamespaces().map((n) => n.name)).toEqual(['app', 'public']);
    expect(catalog.findRelation(['orders'])?.namespace.name).toBe('app');
    expect(catalog.findRelation(['public', 'orders'])?.namespace.name).toBe('public');

    const { catalog: reversed } = memoryCatalog(tree, { engine: 'postgres', database: 'shop', searchPath: ['public', 'app'] });
    await reversed.loadDefaults();
    expect(reversed.defaultNamespaces().map((n) => n.name)).toEqual(['public', 'app']);
    expect(reversed.findRelation(['orders'])?.namespace.name).toBe('public');
    expect(reversed.findRelation(['notes'])?.namespace.name).toBe('app');
  });

  it('has no unqualified names when the search path is empty, and reads the first database when the profile names none', async () => {
    const { catalog, reads } = memoryCatalog(postgresTree({ postgres: { inventory: [{ name: 'parts', columns: ['id'] }] } }), {
      engine: 'postgres',
      database: '',
      searchPath: [],
    });
    await catalog.loadDefaults();
    expect(catalog.defaultNamespaces()).toEqual([]);
    expect(catalog.findRelation(['parts'])).toBeNull();
    expect(catalog.namespaces().withPrefix('', 10).entries.map((n) => n.name)).toEqual(['inventory', 'pg_catalog']);
    expect(reads).toContain('children database:postgres');
  });

  it('reads MySQL\'s current database eagerly and no database when the session has none', async () => {
    const tree = mysqlTree({ shop: [{ name: 'orders', columns: ['id'] }], archive: [{ name: 'old', columns: ['id'] }] });
    const { catalog } = memoryCatalog(tree, { engine: 'mysql', database: 'shop', searchPath: ['shop'] });
    await catalog.loadDefaults();
    expect(names(catalog)).toEqual([{ namespace: 'shop', relations: ['orders'] }]);
    const { catalog: none, reads } = memoryCatalog(tree, { engine: 'mysql', database: '', searchPath: [] });
    await none.loadDefaults();
    expect(none.defaultNamespaces()).toEqual([]);
    expect(reads).toEqual(['children (root)', 'search-path']);
  });

  it('keeps the namespaces when the search path cannot be read', async () => {
    const { source } = memorySource(postgresTree({ shop: { public: [{ name: 'orders', columns: ['id'] }] } }));
    const catalog = new CompletionCatalog({ ...source, searchPath: () => Promise.reject(new Error('permission denied')) }, catalogLayoutFor({ engine: 'postgres', database: 'shop' }));
    await catalog.loadDefaults();
    expect(catalog.defaultNamespaces()).toEqual([]);
    expect(catalog.findNamespace('public')?.name).toBe('public');
  });

  it('reads each part once, even when asked concurrently', async () => {
    const { catalog, reads } = memoryCatalog(postgresTree({ shop: { public: [{ name: 'orders', columns: ['id', 'total'] }] } }), {
      engine: 'postgres',
      database: 'shop',
      searchPath: ['public'],
    });
    await Promise.all([catalog.loadDefaults(), catalog.loadDefaults()]);
    const orders = catalog.findRelation(['orders']);
    if (!orders) throw new Error('orders is missing');
    await Promise.all([catalog.loadColumns(orders), catalog.loadColumns(orders)]);
    await catalog.loadColumns(orders);
    expect(catalog.columns(orders)?.map((c) => c.name)).toEqual(['id', 'total']);
    expect(reads.filter((read) => read.startsWith('columns'))).toEqual(['columns database:shop/schema:public/group:tables/table:orders']);
    expect(new Set(reads).size).toBe(reads.length);
  });

  it('leaves a part that failed to load empty instead of failing every keystroke', async () => {
    const { source } = memorySource(postgresTree({ shop: { public: [{ name: 'orders', columns: ['id'] }] } }), ['public']);
    let columnReads = 0;
    const failing: CatalogSource = {
      ...source,
      columns: async () => {
        columnReads++;
        throw new Error('permission denied');
      },
    };
    const catalog = new CompletionCatalog(failing, catalogLayoutFor({ engine: 'postgres', database: 'shop' }));
    await catalog.loadDefaults();
    const orders = catalog.findRelation(['orders']);
    if (!orders) throw new Error('orders is missing');
    await catalog.loadColumns(orders);
    await catalog.loadColumns(orders);
    expect(catalog.columns(orders)).toEqual([]);
    expect(columnReads).toBe(1);

    const broken = new CompletionCatalog({ ...source, children: () => Promise.reject(new Error('gone')) }, catalogLayoutFor({ engine: 'sqlite', database: '' }));
    await expect(broken.loadDefaults()).resolves.toBeUndefined();
    expect(broken.findRelation(['orders'])).toBeNull();
  });
});
