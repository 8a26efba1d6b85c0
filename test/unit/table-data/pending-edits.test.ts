import { describe, expect, it } from 'vitest';
import type { TableColumn } from '../../../shared/sql/table-query';
import { addRow, duplicateRow, hasEdits, NO_EDITS, setCell, toChanges, toggleDelete, type LoadedRows } from '../../../renderer/features/table-data/pending-edits';

const column = (name: string, extra: Partial<TableColumn> = {}): TableColumn => ({ name, dataType: 'text', nullable: true, hasDefault: false, inRowKey: false, binary: false, references: null, ...extra });

const loaded: LoadedRows = {
  columns: [column('id', { inRowKey: true, hasDefault: true, nullable: false }), column('name'), column('note')],
  keyColumns: ['id'],
  rows: [
    ['1', 'Ada', null],
    ['2', 'Grace', 'x'],
  ],
};

describe('pending edits', () => {
  it('turns edited cells into an update keyed by the original key with the original values', () => {
    let edits = setCell(NO_EDITS, loaded, { kind: 'loaded', index: 0 }, 'note', 'hello');
    edits = setCell(edits, loaded, { kind: 'loaded', index: 0 }, 'id', '10');
    expect(toChanges(edits, loaded)).toEqual([
      {
        kind: 'update',
        key: [{ column: 'id', value: '1' }],
        set: [
          { column: 'note', value: 'hello', original: null },
          { column: 'id', value: '10', original: '1' },
        ],
      },
    ]);
  });

  it('forgets a cell set back to its loaded value', () => {
    const edited = setCell(NO_EDITS, loaded, { kind: 'loaded', index: 1 }, 'name', 'Hopper');
    const reverted = setCell(edited, loaded, { kind: 'loaded', index: 1 }, 'name', 'Grace');
    expect(hasEdits(edited)).toBe(true);
    expect(hasEdits(reverted)).toBe(false);
    expect(toChanges(reverted, loaded)).toEqual([]);
  });

  it('keeps NULL distinct from empty text', () => {
    const edits = setCell(NO_EDITS, loaded, { kind: 'loaded', index: 0 }, 'note', '');
    expect(toChanges(edits, loaded)).toEqual([{ kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'note', value: '', original: null }] }]);
  });

  it('orders deletes before updates before inserts, and drops updates of deleted rows', () => {
    let edits = setCell(NO_EDITS, loaded, { kind: 'loaded', index: 1 }, 'name', 'changed');
    edits = setCell(edits, loaded, { kind: 'loaded', index: 0 }, 'name', 'gone anyway');
    edits = addRow(edits);
    edits = setCell(edits, loaded, { kind: 'new', id: 1 }, 'name', 'new');
    edits = toggleDelete(edits, [{ kind: 'loaded', index: 0 }]);
    expect(toChanges(edits, loaded)).toEqual([
      { kind: 'delete', key: [{ column: 'id', value: '1' }] },
      { kind: 'update', key: [{ column: 'id', value: '2' }], set: [{ column: 'name', value: 'changed', original: 'Grace' }] },
      { kind: 'insert', values: [{ column: 'name', value: 'new' }] },
    ]);
  });

  it('duplicates a row without the key the database fills in, and deleting a new row drops it', () => {
    const edits = duplicateRow(NO_EDITS, loaded, { kind: 'loaded', index: 1 });
    expect(toChanges(edits, loaded)).toEqual([{ kind: 'insert', values: [{ column: 'name', value: 'Grace' }, { column: 'note', value: 'x' }] }]);
    expect(hasEdits(toggleDelete(edits, [{ kind: 'new', id: 1 }]))).toBe(false);
  });

  it('toggling delete twice restores the row', () => {
    const row = { kind: 'loaded' as const, index: 1 };
    expect(hasEdits(toggleDelete(toggleDelete(NO_EDITS, [row]), [row]))).toBe(false);
  });
});
