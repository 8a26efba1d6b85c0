import { describe, expect, it } from 'vitest';
import {
  extendSelection,
  isCellSelected,
  navigate,
  selectAll,
  selectCell,
  selectionRange,
} from '../../../renderer/features/results/grid-selection';
import { toTsv } from '../../../renderer/features/results/tsv';
import {
  estimateColumnWidths,
  gutterWidth,
  MAX_AUTO_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
} from '../../../renderer/features/results/column-widths';

const bounds = { rows: 100, cols: 5, pageRows: 20 };
const key = (name: string, shift = false, jump = false) => ({ key: name, shift, jump });

describe('grid selection', () => {
  it('shift-click selects the rectangle between the anchor and the clicked cell', () => {
    const selection = extendSelection(selectCell({ row: 5, col: 3 }), { row: 2, col: 1 });
    expect(selectionRange(selection)).toEqual({ top: 2, bottom: 5, left: 1, right: 3 });
    const range = selectionRange(selection);
    expect(isCellSelected(range, 3, 2)).toBe(true);
    expect(isCellSelected(range, 6, 2)).toBe(false);
    expect(isCellSelected(range, 3, 4)).toBe(false);
  });

  it('arrow keys move the focus and stop at the edges', () => {
    let selection = selectCell({ row: 0, col: 0 });
    selection = navigate(selection, key('ArrowUp'), bounds)!;
    expect(selection.focus).toEqual({ row: 0, col: 0 });
    selection = navigate(selection, key('ArrowDown'), bounds)!;
    selection = navigate(selection, key('ArrowRight'), bounds)!;
    expect(selection).toEqual(selectCell({ row: 1, col: 1 }));
    selection = navigate(selection, key('End'), bounds)!;
    expect(selection.focus).toEqual({ row: 1, col: 4 });
    selection = navigate(selection, key('ArrowDown', false, true), bounds)!;
    expect(selection.focus).toEqual({ row: 99, col: 4 });
    selection = navigate(selection, key('PageDown'), bounds)!;
    expect(selection.focus.row).toBe(99);
    selection = navigate(selection, key('PageUp'), bounds)!;
    expect(selection.focus.row).toBe(80);
  });

  it('shift with arrows extends from the anchor', () => {
    let selection = selectCell({ row: 10, col: 2 });
    selection = navigate(selection, key('ArrowDown', true), bounds)!;
    selection = navigate(selection, key('ArrowRight', true), bounds)!;
    expect(selectionRange(selection)).toEqual({ top: 10, bottom: 11, left: 2, right: 3 });
    selection = navigate(selection, key('ArrowLeft'), bounds)!;
    expect(selection).toEqual(selectCell({ row: 11, col: 2 }));
  });

  it('ignores keys that do not navigate and empty grids', () => {
    expect(navigate(selectCell({ row: 1, col: 1 }), key('a'), bounds)).toBeNull();
    expect(navigate(null, key('ArrowDown'), { rows: 0, cols: 3, pageRows: 10 })).toBeNull();
    expect(selectAll({ rows: 0, cols: 3, pageRows: 10 })).toBeNull();
    expect(selectionRange(selectAll(bounds)!)).toEqual({ top: 0, bottom: 99, left: 0, right: 4 });
  });
});

describe('toTsv', () => {
  it('copies the chosen columns, NULL as an empty field, quoting tabs, line breaks and quotes', () => {
    const rows = [
      ['1', 'plain', null, 'x'],
      ['2', 'tab\there', 'say "hi"', 'y'],
      ['3', 'two\nlines', '', 'z'],
    ];
    expect(toTsv(rows, 1, 2)).toBe('plain\t\n"tab\there"\t"say ""hi"""\n"two\nlines"\t');
  });

  it('adds a header line when asked', () => {
    expect(toTsv([['1', 'a']], 0, 1, ['id', 'name'])).toBe('id\tname\n1\ta');
  });
});

describe('column widths', () => {
  const text = { mono: 7, ui: 7 };
  it('fits the header and the widest sampled value, within bounds', () => {
    const columns = [
      { name: 'id', dataType: 'int4', category: 'number' as const },
      { name: 'description', dataType: 'text', category: 'text' as const },
      { name: 'b', dataType: 'x', category: 'text' as const },
    ];
    const rows = [
      ['1', 'short', null],
      ['2', 'z'.repeat(500), null],
    ];
    const [id, description, tiny] = estimateColumnWidths(columns, rows, text);
    expect(id).toBe(Math.max(MIN_COLUMN_WIDTH, (2 + 4 + 1) * 7 + 28));
    expect(description).toBe(MAX_AUTO_COLUMN_WIDTH);
    expect(tiny).toBe(MIN_COLUMN_WIDTH);
    expect(gutterWidth(100_000, 7)).toBeGreaterThan(gutterWidth(10, 7));
  });
});
