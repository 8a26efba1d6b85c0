import { describe, expect, it } from 'vitest';
import { editorTabSchema } from '../../../shared/model/workspace';
import { openDataRequest } from '../../../renderer/features/schema-tree/open-data';
import type { Capabilities } from '../../../shared/model/capabilities';

const caps: Capabilities = { kind: 'sql', cancel: true, transactions: true, explain: true, databases: true, schemas: true, streaming: true, readOnlySessions: true, statementTimeout: true, ssl: true };
const path = [
  { kind: 'database' as const, name: 'shop' },
  { kind: 'schema' as const, name: 'Sales' },
  { kind: 'group' as const, name: 'tables' },
  { kind: 'table' as const, name: 'order "items"' },
];

describe('table-data tabs', () => {
  it('"open data" asks for a table tab on the node, with the equivalent SELECT as its text', () => {
    const request = openDataRequest({ kind: 'table', name: 'order "items"', hasChildren: true }, 'c1', 'postgres', caps, path);
    expect(request).toEqual({ title: 'order "items"', connectionId: 'c1', sql: 'SELECT * FROM "Sales"."order ""items""" LIMIT 1000', table: { connectionId: 'c1', path } });
  });

  it('a saved workspace keeps a table tab, and refuses one without a table path', () => {
    const tab = { id: 't1', title: 'orders', connectionId: 'c1', sql: '', cursorOffset: 0, table: { connectionId: 'c1', path } };
    expect(editorTabSchema.parse(tab)).toEqual(tab);
    expect(editorTabSchema.safeParse({ ...tab, table: { connectionId: 'c1', path: [] } }).success).toBe(false);
    expect(editorTabSchema.safeParse({ ...tab, table: undefined }).success).toBe(true);
  });
});
