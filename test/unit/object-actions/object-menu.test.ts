import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../../../shared/model/capabilities';
import type { PathSegment } from '../../../shared/model/schema';
import { objectAddress } from '../../../renderer/features/object-actions/object-address';
import { objectMenuEntries, type ObjectActionHandlers } from '../../../renderer/features/object-actions/object-menu';
import type { MenuEntry } from '../../../renderer/ui/Menu';

const postgres: Capabilities = {
  kind: 'sql',
  cancel: true,
  transactions: true,
  explain: true,
  databases: true,
  schemas: true,
  streaming: true,
  readOnlySessions: true,
  statementTimeout: true,
  ssl: true,
};

function menu(path: PathSegment[], copied: string[] = [], withOpenData = false): string[] {
  const address = objectAddress(path, null, postgres, 'postgres');
  const handlers: ObjectActionHandlers = {
    openData: withOpenData ? () => undefined : null,
    showDdl: () => undefined,
    copy: (text) => copied.push(text),
    generate: () => undefined,
    importCsv: withOpenData ? () => undefined : null,
    exportData: withOpenData ? () => undefined : null,
    drop: () => undefined,
  };
  const entries = objectMenuEntries({ engine: 'postgres', capabilities: postgres, address }, handlers);
  for (const entry of entries) if (entry.kind !== 'separator' && entry.label.startsWith('Copy')) entry.onSelect();
  return entries.flatMap((entry: MenuEntry) => (entry.kind === 'separator' ? [] : [entry.label]));
}

const schema: PathSegment[] = [
  { kind: 'database', name: 'app' },
  { kind: 'schema', name: 'sales' },
];

describe('object context menu', () => {
  it('offers a table every action, and copies its name quoted, alone and qualified', () => {
    const copied: string[] = [];
    const labels = menu([...schema, { kind: 'group', name: 'tables' }, { kind: 'table', name: 'Order "x"' }], copied, true);
    expect(labels).toEqual([
      'Open data',
      'Show DDL',
      'Copy name',
      'Copy qualified name',
      'Generate SELECT',
      'Generate INSERT',
      'Generate UPDATE',
      'Generate DELETE',
      'Import CSV…',
      'Export data…',
      'Drop table…',
    ]);
    expect(copied).toEqual(['"Order ""x"""', '"sales"."Order ""x"""']);
  });

  it('offers a view SELECT only, and an index DDL, copy and drop', () => {
    expect(menu([...schema, { kind: 'group', name: 'views' }, { kind: 'view', name: 'v' }], [], true)).toContain('Generate SELECT');
    expect(menu([...schema, { kind: 'group', name: 'views' }, { kind: 'view', name: 'v' }], [], true)).not.toContain('Generate INSERT');
    expect(menu([...schema, { kind: 'group', name: 'views' }, { kind: 'view', name: 'v' }], [], true)).not.toContain('Import CSV…');
    expect(menu([...schema, { kind: 'group', name: 'views' }, { kind: 'view', name: 'v' }], [], true)).toContain('Export data…');
    expect(menu([...schema, { kind: 'group', name: 'tables' }, { kind: 'table', name: 't' }, { kind: 'index', name: 'i' }])).toEqual([
      'Show DDL',
      'Copy name',
      'Copy qualified name',
      'Drop index…',
    ]);
  });

  it('offers a MySQL event DDL, copy and drop', () => {
    const mysql: Capabilities = { ...postgres, schemas: false };
    const address = objectAddress([{ kind: 'database', name: 'shop' }, { kind: 'group', name: 'events' }, { kind: 'event', name: 'nightly' }], null, mysql, 'mysql');
    const handlers: ObjectActionHandlers = { openData: null, showDdl: () => undefined, copy: () => undefined, generate: () => undefined, importCsv: null, exportData: null, drop: () => undefined };
    const entries = objectMenuEntries({ engine: 'mysql', capabilities: mysql, address }, handlers);
    expect(entries.flatMap((entry: MenuEntry) => (entry.kind === 'separator' ? [] : [entry.label]))).toEqual(['Show DDL', 'Copy name', 'Copy qualified name', 'Drop event…']);
  });

  it('keeps roles read-only: copy name only', () => {
    const copied: string[] = [];
    expect(menu([{ kind: 'database', name: 'app' }, { kind: 'group', name: 'roles' }, { kind: 'role', name: 'app"user' }], copied)).toEqual(['Copy name']);
    expect(copied).toEqual(['"app""user"']);
  });

  it('copies a column qualified by its table', () => {
    const copied: string[] = [];
    menu([...schema, { kind: 'group', name: 'tables' }, { kind: 'table', name: 't' }, { kind: 'column', name: 'c' }], copied);
    expect(copied).toEqual(['"c"', '"sales"."t"."c"']);
  });
});
