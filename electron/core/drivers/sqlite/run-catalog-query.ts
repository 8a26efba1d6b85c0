import type Database from 'better-sqlite3';
import { RowPacker, type PackedRows } from './packed-rows';
import { valueToCell } from './value-text';
import type { CatalogParam } from './worker-protocol';

/** Runs a catalog query and packs all its rows into one batch: a 100k-table list crosses as one string. */
export function runCatalogQuery(db: Database.Database, sql: string, params: CatalogParam[]): { columns: string[]; rows: PackedRows } {
  const statement = db.prepare(sql).raw(true);
  const columns = statement.columns().map((column) => column.name);
  const packer = new RowPacker(columns.length, 64);
  for (const row of statement.iterate(...params) as IterableIterator<unknown[]>) {
    for (const value of row) packer.addCell(valueToCell(value));
  }
  return { columns, rows: packer.take() };
}
