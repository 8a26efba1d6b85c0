import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ColumnMeta } from '../../../shared/model/query';
import type { CellValue, TableColumn, TableSort } from '../../../shared/sql/table-query';
import type { ValueType } from '../../../shared/sql/value-types';
import type { LoadedTablePage } from '../../store/table-data-slice';
import { CellViewer } from '../results/CellViewer';
import { estimateColumnWidths, gutterWidth, MIN_COLUMN_WIDTH, type TextWidths } from '../results/column-widths';
import { displayCell } from '../results/format-value';
import { MAX_SCROLL_HEIGHT } from '../results/row-window';
import { gridTextWidths } from '../results/text-metrics';
import { useRowWindow } from '../results/use-row-window';
import '../results/results.css';
import { CellEditor } from './CellEditor';
import { cellInput, editorStart } from './cell-input';
import { cellValueType, currentValue, type PendingEdits, type RowRef } from './pending-edits';
import { TableHeaderCell } from './TableHeaderCell';
import { WindowSlots } from './window-slots';

export interface CellPosition {
  row: RowRef;
  column: number;
}

interface TableGridProps {
  page: LoadedTablePage;
  /** Names the filters, sort and page the rows answer: a page of other rows starts at the top. */
  queryKey: string;
  edits: PendingEdits;
  sort: TableSort[];
  editable: boolean;
  active: CellPosition | null;
  selectedRows: RowRef[];
  onActivate: (position: CellPosition, extendRows: boolean) => void;
  onSort: (column: string) => void;
  onEdit: (position: CellPosition, value: CellValue) => void;
}

interface Editing {
  position: CellPosition;
  text: string;
  type: ValueType;
  /** In a dialog holding the whole value, rather than in the cell. */
  dialog: boolean;
  /** Why the text was refused (a binary cell takes hex only); the editor stays open with it. */
  error: string | null;
}

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 30;
const ROW_OVERSCAN = 4;
/** Tables with more columns than this draw only the columns on screen. */
const ALL_COLUMNS_UP_TO = 16;
/** Room for the key and sort marks beside a column's name and type. */
const KEY_MARK_WIDTH = 34;
const SORT_MARK_WIDTH = 16;
const PLACEHOLDER_HINT: Record<ValueType['kind'], string | undefined> = { text: undefined, bytes: 'hex bytes, e.g. 0x00ff', bits: "a whole number, or b'0101'" };

export const sameRow = (a: RowRef, b: RowRef) => (a.kind === 'loaded' && b.kind === 'loaded' ? a.index === b.index : a.kind === 'new' && b.kind === 'new' && a.id === b.id);

/** The rows of the grid in display order: the loaded page, then rows added in the view. */
export function gridRows(page: LoadedTablePage, edits: PendingEdits): RowRef[] {
  return [...page.rows.map((_, index): RowRef => ({ kind: 'loaded', index })), ...edits.inserted.map((added): RowRef => ({ kind: 'new', id: added.id }))];
}

function valueAt(page: LoadedTablePage, edits: PendingEdits, row: RowRef, column: number): CellValue {
  if (row.kind === 'loaded') return currentValue(edits, page, row.index, column);
  const name = page.columns[column]?.name ?? '';
  return edits.inserted.find((added) => added.id === row.id)?.values[name] ?? null;
}

function isSet(page: LoadedTablePage, edits: PendingEdits, row: RowRef, column: number): boolean {
  const name = page.columns[column]?.name ?? '';
  if (row.kind === 'loaded') return edits.cells[row.index]?.[name] !== undefined;
  return edits.inserted.find((added) => added.id === row.id)?.values[name] !== undefined;
}

/** Starting widths: the results grid's estimate, with room for the key and sort marks. */
function columnWidths(columns: TableColumn[], rows: LoadedTablePage['rows'], text: TextWidths): number[] {
  return estimateColumnWidths(columns.map(columnMeta), rows, text).map((width, index) => width + SORT_MARK_WIDTH + (columns[index]?.inRowKey ? KEY_MARK_WIDTH : 0));
}

/** The column as the results grid's helpers (widths, cell viewer) describe one. */
function columnMeta(column: TableColumn): ColumnMeta {
  return { name: column.name, dataType: column.dataType, category: column.binary ? 'binary' : column.bitWidth !== undefined ? 'number' : 'text' };
}

/** The display row and column of the cell an event happened in; the column is null on the row header. */
function cellFromTarget(target: EventTarget): { row: number; column: number | null } | null {
  const element = target as Element;
  const row = element.closest<HTMLElement>('tr[data-row]');
  if (!row) return null;
  const cell = element.closest<HTMLElement>('td[data-col]');
  return { row: Number(row.dataset.row), column: cell ? Number(cell.dataset.col) : null };
}

/**
 * The page as a grid, virtualized like the results grid: only the rows on screen exist (one fixed
 * height, so they come straight from the scroll position), and in wide tables only the columns on
 * screen. Click a header to sort, double-click, Enter or F2 to edit a cell; a value the grid shows
 * shortened is edited whole in a dialog.
 */
export function TableGrid({ page, queryKey, edits, sort, editable, active, selectedRows, onActivate, onSort, onEdit }: TableGridProps) {
  const rows = useMemo(() => gridRows(page, edits), [page, edits]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [viewing, setViewing] = useState<CellPosition | null>(null);
  // The inline editor was closed by Enter or Esc: the blur that follows commits nothing more.
  const finished = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [rowSlots] = useState(() => new WindowSlots());
  const [columnSlots] = useState(() => new WindowSlots());
  const cellIdPrefix = useId();
  const deleted = useMemo(() => new Set(edits.deleted), [edits.deleted]);
  const { columns } = page;

  const text = useMemo(() => gridTextWidths(), []);
  // Sized from the header and the first rows of the first page; other pages of the same columns keep
  // those widths, and after that only the user changes them.
  const signature = columns.map((column) => `${column.name}\u0000${column.dataType}`).join('\u0001');
  const [autoWidths, setAutoWidths] = useState(() => ({ signature, widths: columnWidths(columns, page.rows, text) }));
  if (autoWidths.signature !== signature) setAutoWidths({ signature, widths: columnWidths(columns, page.rows, text) });
  const [manualWidths, setManualWidths] = useState<Record<string, number>>({});
  const widths = useMemo(() => columns.map((column, index) => manualWidths[column.name] ?? autoWidths.widths[index] ?? MIN_COLUMN_WIDTH), [columns, autoWidths, manualWidths]);
  const gutter = gutterWidth(page.offset + rows.length, text.mono);

  const rowWindow = useRowWindow(scrollRef, { rowCount: rows.length, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, maxHeight: MAX_SCROLL_HEIGHT }, ROW_OVERSCAN);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself.
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => widths[index] ?? 120,
    overscan: columns.length > ALL_COLUMNS_UP_TO ? 2 : ALL_COLUMNS_UP_TO,
    paddingStart: gutter,
    scrollPaddingStart: gutter,
  });

  useLayoutEffect(() => {
    columnVirtualizer.measure();
  }, [columnVirtualizer, widths, gutter]);

  const resize = useCallback(
    (index: number, width: number) => {
      const name = columns[index]?.name;
      if (name !== undefined) setManualWidths((current) => ({ ...current, [name]: width }));
    },
    [columns],
  );
  const autoSize = useCallback(
    (index: number) => {
      const name = columns[index]?.name;
      if (name === undefined) return;
      setManualWidths((current) => {
        const next = { ...current };
        delete next[name];
        return next;
      });
    },
    [columns],
  );

  // A reload of the same rows (Refresh, Apply) keeps the place; other rows start at the top.
  const shownQuery = useRef(queryKey);
  useLayoutEffect(() => {
    if (shownQuery.current === queryKey) return;
    shownQuery.current = queryKey;
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryKey]);

  const activeIndex = active ? rows.findIndex((row) => sameRow(row, active.row)) : -1;
  const { scrollToRow } = rowWindow;

  // The active cell is brought into view (keyboard moves, a new row) and the grid takes the keys.
  useEffect(() => {
    if (activeIndex < 0 || !active) return;
    scrollToRow(activeIndex);
    columnVirtualizer.scrollToIndex(active.column, { align: 'auto' });
  }, [activeIndex, active, scrollToRow, columnVirtualizer]);
  useEffect(() => {
    if (active && !editing && !viewing) scrollRef.current?.focus({ preventScroll: true });
  }, [active, editing, viewing]);

  const startEditing = (position: CellPosition) => {
    const deletedRow = position.row.kind === 'loaded' && deleted.has(position.row.index);
    const value = valueAt(page, edits, position.row, position.column);
    if (!editable) {
      setViewing(position);
      return;
    }
    if (deletedRow) return;
    const type = cellValueType(edits, page, position.row, position.column);
    finished.current = false;
    setEditing({ position, ...editorStart(value), type, error: null });
  };
  const commit = (current: Editing, text: string): boolean => {
    const input = cellInput(text, current.type);
    if (!input.ok) {
      setEditing({ ...current, text, error: input.message });
      return false;
    }
    onEdit(current.position, input.value);
    setEditing(null);
    return true;
  };

  const pageRows = () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys typed in a header's sort button are that button's.
    if (event.target !== event.currentTarget || editing || !active || activeIndex < 0) return;
    const move = (rowIndex: number, column: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, rowIndex))];
      if (row) onActivate({ row, column: Math.max(0, Math.min(columns.length - 1, column)) }, false);
    };
    const jump = event.ctrlKey || event.metaKey;
    switch (event.key) {
      case 'ArrowDown':
        move(jump ? rows.length - 1 : activeIndex + 1, active.column);
        break;
      case 'ArrowUp':
        move(jump ? 0 : activeIndex - 1, active.column);
        break;
      case 'ArrowLeft':
        move(activeIndex, jump ? 0 : active.column - 1);
        break;
      case 'ArrowRight':
        move(activeIndex, jump ? columns.length - 1 : active.column + 1);
        break;
      case 'PageDown':
        move(activeIndex + pageRows(), active.column);
        break;
      case 'PageUp':
        move(activeIndex - pageRows(), active.column);
        break;
      case 'Home':
        move(jump ? 0 : activeIndex, 0);
        break;
      case 'End':
        move(jump ? rows.length - 1 : activeIndex, columns.length - 1);
        break;
      case 'Enter':
      case 'F2':
        startEditing(active);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const positionOf = (target: EventTarget): { position: CellPosition; onCell: boolean } | null => {
    const cell = cellFromTarget(target);
    const row = cell ? rows[cell.row] : undefined;
    if (!cell || !row) return null;
    return { position: { row, column: cell.column ?? active?.column ?? 0 }, onCell: cell.column !== null };
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('.table-cell-input, .table-cell-error')) return;
    const found = positionOf(event.target);
    if (found) onActivate(found.position, event.ctrlKey || event.metaKey || event.shiftKey);
  };
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('.table-cell-input, .table-cell-error')) return;
    const found = positionOf(event.target);
    if (found?.onCell) startEditing(found.position);
  };

  const sortOf = (column: string) => sort.find((entry) => entry.column === column)?.direction;
  const { start: firstRow, end: endRow, firstTop } = rowWindow.window;
  const slots = rowSlots.assign(firstRow, endRow);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const cellSlots = columnSlots.assign(virtualColumns[0]?.index ?? 0, (virtualColumns.at(-1)?.index ?? -1) + 1);
  const totalWidth = columnVirtualizer.getTotalSize();
  const activeCellId = `${cellIdPrefix}-active`;
  const activeVisible = activeIndex >= firstRow && activeIndex < endRow && virtualColumns.some((vc) => vc.index === active?.column);
  const hint = editable ? 'Double-click or press Enter to edit the whole value' : 'Double-click or press Enter to see the whole value';
  const inlineEditing = editing && !editing.dialog ? editing : null;
  const viewedColumn = viewing ? columns[viewing.column] : undefined;

  const renderRow = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (!row) return null;
    const isDeleted = row.kind === 'loaded' && deleted.has(row.index);
    const isSelected = selectedRows.some((selected) => sameRow(selected, row));
    const editingHere = inlineEditing !== null && sameRow(inlineEditing.position.row, row);
    let rowClass = rowIndex % 2 === 1 ? 'grid-row grid-row-alt table-row' : 'grid-row table-row';
    if (isDeleted) rowClass += ' deleted';
    if (row.kind === 'new') rowClass += ' inserted';
    if (isSelected) rowClass += ' selected';
    if (editingHere) rowClass += ' editing';
    return (
      <tr
        key={slots.get(rowIndex)}
        className={rowClass}
        role="row"
        aria-rowindex={rowIndex + 2}
        aria-selected={isSelected}
        data-row={rowIndex}
        data-state={isDeleted ? 'deleted' : row.kind === 'new' ? 'new' : undefined}
        style={{ width: totalWidth, height: ROW_HEIGHT, transform: `translateY(${firstTop + (rowIndex - firstRow) * ROW_HEIGHT}px)` }}
      >
        <th className="grid-gutter table-row-header" role="rowheader" aria-colindex={1} style={{ width: gutter }}>
          {row.kind === 'new' ? '+' : page.offset + rowIndex + 1}
        </th>
        {virtualColumns.map((vc) => {
          const column = columns[vc.index];
          const isActive = active !== null && rowIndex === activeIndex && active.column === vc.index;
          const isEditing = editingHere && inlineEditing.position.column === vc.index;
          const value = valueAt(page, edits, row, vc.index);
          const shown = displayCell(value, 'text');
          let className = 'grid-cell table-cell';
          if (isActive) className += ' active grid-focus';
          if (isSet(page, edits, row, vc.index)) className += ' changed';
          if (shown.isNull) className += ' null grid-null';
          if (isEditing) className += ' editing';
          return (
            <td
              key={cellSlots.get(vc.index)}
              id={isActive ? activeCellId : undefined}
              className={className}
              role="gridcell"
              aria-colindex={vc.index + 2}
              aria-selected={isActive}
              data-col={vc.index}
              data-column={column.name}
              title={shown.clipped ? hint : undefined}
              style={{ left: vc.start, width: vc.size }}
            >
              {isEditing ? (
                <>
                  <input
                    className="table-cell-input"
                    aria-label={`Edit ${column.name}`}
                    aria-invalid={inlineEditing.error !== null}
                    aria-describedby={inlineEditing.error !== null ? `${cellIdPrefix}-error` : undefined}
                    placeholder={PLACEHOLDER_HINT[inlineEditing.type.kind]}
                    autoFocus
                    value={inlineEditing.text}
                    onChange={(event) => setEditing({ ...inlineEditing, text: event.target.value, error: null })}
                    onBlur={(event) => {
                      if (!finished.current) commit(inlineEditing, event.target.value);
                    }}
                    onKeyDown={(event) => {
                      event.stopPropagation();
                      if (event.key === 'Enter') finished.current = commit(inlineEditing, event.currentTarget.value);
                      if (event.key === 'Escape') {
                        finished.current = true;
                        setEditing(null);
                      }
                    }}
                  />
                  {inlineEditing.error !== null ? (
                    <div className="table-cell-error" id={`${cellIdPrefix}-error`} role="alert">
                      {inlineEditing.error}
                    </div>
                  ) : null}
                </>
              ) : (
                shown.text
              )}
            </td>
          );
        })}
      </tr>
    );
  };

  const rowIndexes = Array.from({ length: endRow - firstRow }, (_, i) => firstRow + i);
  const editingColumn = editing?.dialog ? columns[editing.position.column] : undefined;

  return (
    <div className="table-grid-frame">
      <div
        ref={scrollRef}
        className="grid-scroll table-grid"
        role="grid"
        aria-label="Table rows"
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        aria-activedescendant={activeVisible ? activeCellId : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onClick={onClick}
        onDoubleClick={onDoubleClick}
      >
        <table className="grid-sizer" role="presentation" style={{ width: totalWidth, height: rowWindow.height }}>
          <thead className="grid-header" role="rowgroup" style={{ width: totalWidth, height: HEADER_HEIGHT }}>
            <tr className="table-header-row" role="row" aria-rowindex={1}>
              <th className="grid-corner" role="columnheader" aria-colindex={1} aria-label="Row" style={{ width: gutter }} />
              {virtualColumns.map((vc) => (
                <TableHeaderCell
                  key={vc.index}
                  column={columns[vc.index]}
                  colIndex={vc.index}
                  left={vc.start}
                  width={vc.size}
                  direction={sortOf(columns[vc.index].name)}
                  onSort={onSort}
                  onResize={resize}
                  onAutoSize={autoSize}
                />
              ))}
            </tr>
          </thead>
          <tbody className="table-grid-rows" role="rowgroup">{rowIndexes.map(renderRow)}</tbody>
        </table>
        {rows.length === 0 ? <div className="grid-empty">No rows match.</div> : null}
      </div>
      {editing?.dialog && editingColumn ? (
        <CellEditor
          column={editingColumn}
          rowLabel={editing.position.row.kind === 'new' ? 'new row' : `row ${(page.offset + editing.position.row.index + 1).toLocaleString('en-US')}`}
          text={editing.text}
          type={editing.type}
          error={editing.error}
          onSave={(value) => commit(editing, value)}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {viewing && viewedColumn ? (
        <CellViewer
          column={columnMeta(viewedColumn)}
          value={valueAt(page, edits, viewing.row, viewing.column)}
          rowNumber={viewing.row.kind === 'loaded' ? page.offset + viewing.row.index + 1 : page.offset + rows.length}
          onClose={() => setViewing(null)}
        />
      ) : null}
    </div>
  );
}
