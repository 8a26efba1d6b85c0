import { describe, expect, it } from 'vitest';
import type { TableColumn } from '../../../shared/sql/table-query';
import { displayCell } from '../../../renderer/features/results/format-value';
import { cellInput, editorStart } from '../../../renderer/features/table-data/cell-input';
import { hasEdits, NO_EDITS, setCell, toChanges, type LoadedRows } from '../../../renderer/features/table-data/pending-edits';

const column = (name: string, extra: Partial<TableColumn> = {}): TableColumn => ({ name, dataType: 'text', nullable: true, hasDefault: false, inRowKey: false, binary: false, references: null, ...extra });
const MEGABYTE_TEXT = 'x'.repeat(1024 * 1024 - 3) + 'END';
const MEGABYTE_HEX = `\\x${'ab'.repeat(1024 * 1024)}`;

const loaded: LoadedRows = {
  columns: [column('id', { inRowKey: true }), column('note'), column('data', { dataType: 'blob', binary: true })],
  keyColumns: ['id'],
  rows: [['1', MEGABYTE_TEXT, MEGABYTE_HEX]],
};
const row = { kind: 'loaded', index: 0 } as const;

describe('large values', () => {
  it('show a bounded preview in the grid', () => {
    const shown = displayCell(MEGABYTE_TEXT, 'text');
    expect(shown.text.length).toBeLessThanOrEqual(301);
    expect(shown.clipped).toBe(true);
  });

  it('are edited whole, in a dialog, never from the preview', () => {
    expect(editorStart(MEGABYTE_TEXT)).toEqual({ text: MEGABYTE_TEXT, dialog: true });
    expect(editorStart(MEGABYTE_HEX).text).toHaveLength(2 + 2 * 1024 * 1024);
    // Line breaks would be lost in a one-line input: such values open in the dialog too.
    expect(editorStart('two\nlines')).toEqual({ text: 'two\nlines', dialog: true });
    expect(editorStart('short')).toEqual({ text: 'short', dialog: false });
    expect(editorStart(null)).toEqual({ text: '', dialog: false });
  });

  it('saved unchanged are no change; saved with one more letter change by exactly that letter', () => {
    const start = editorStart(MEGABYTE_TEXT);
    const same = cellInput(start.text, { kind: 'text' });
    if (!same.ok) throw new Error('expected text to be taken');
    expect(hasEdits(setCell(NO_EDITS, loaded, row, 'note', same.value))).toBe(false);
    const sameBytes = cellInput(editorStart(MEGABYTE_HEX).text, { kind: 'bytes' });
    if (!sameBytes.ok) throw new Error('expected hex to be taken');
    expect(hasEdits(setCell(NO_EDITS, loaded, row, 'data', sameBytes.value))).toBe(false);

    const edits = setCell(NO_EDITS, loaded, row, 'note', `${start.text}!`);
    const [change] = toChanges(edits, loaded);
    if (change?.kind !== 'update') throw new Error('expected an update');
    expect(change.set).toHaveLength(1);
    expect(change.set[0]?.value).toBe(`${MEGABYTE_TEXT}!`);
    expect(change.set[0]?.original === MEGABYTE_TEXT).toBe(true);
  });
});
