import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { SqlDialect } from '../../../shared/export/serializer';
import type { ColumnMeta } from '../../../shared/model/query';
import { useStore } from '../../store';
import { hasModKey, MOD_LABEL } from '../editor/shortcuts';
import { COPY_FORMATS, COPY_LABELS, copyAsText, type CopyFormat } from '../export/copy-as';
import { Menu, type MenuEntry } from '../../ui/Menu';
import { CellViewer } from './CellViewer';
import { copyText } from './clipboard';
import { estimateColumnWidths, gutterWidth } from './column-widths';
import { displayCell, isNumeric, prefersViewer, type CellDisplay } from './format-value';
import { formatCount } from './format-figures';
import { GridHeaderCell } from './GridHeaderCell';
import {
  extendSelection,
  isCellSelected,
  navigate,
  selectAll,
  selectCell,
  selectionRange,
  type CellPosition,
  type GridSelection,
  type SelectionRange,
} from './grid-selection';
import { MAX_SCROLL_HEIGHT } from './row-window';
import { gridTextWidths } from './text-metrics';
import { MAX_COPY_CELLS, toTsv } from './tsv';
import { useStatementResult } from './use-result';
import { useRowWindow } from './use-row-window';

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 30;
const ROW_OVERSCAN = 6;
const NO_COLUMNS: ColumnMeta[] = [];
const VIEWER_HINT = 'Double-click or press Enter to see the whole value';
const PENDING_DISPLAY: CellDisplay = { text: '…', isNull: false, clipped: false };

interface ResultGridProps {
  runId: string;
  index: number;
  /** Rows may still arrive. */
  streaming: boolean;
  /** Where "Copy as SQL INSERT" writes to; null when the connection is not SQL. */
  insertTarget?: { dialect: SqlDialect; table: readonly string[] } | null;
  /** Opens the export of this result; absent hides the menu entry. */
  onExport?: () => void;
}

function cellFromTarget(target: EventTarget): CellPosition | null {
  const cell = (target as Element).closest<HTMLElement>('[data-row]');
  if (!cell) return null;
  return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
}

/**
 * One statement's rows: virtualized in both directions, so only the cells on screen exist, however many
 * rows and columns the result has. Rows have one fixed height, so the rows on screen come straight from
 * the scroll position; columns vary in width and few enough for the column virtualizer. Every value is
 * a React text node.
 */
export function ResultGrid({ runId, index, streaming, insertTarget = null, onExport }: ResultGridProps) {
  const result = useStatementResult(runId, index);
  const notify = useStore((s) => s.notify);
  const columns = result?.columns ?? NO_COLUMNS;
  const rowCount = result?.rowCount ?? 0;
  const hasRows = rowCount > 0;
  const text = useMemo(() => gridTextWidths(), []);

  // Sized once from the header and the first batch; after that only the user changes widths.
  const autoWidths = useMemo(
    () => estimateColumnWidths(columns, (hasRows && result?.getRows(0, Math.min(200, result.memoryRowCount))) || [], text),
    [columns, hasRows, result, text],
  );
  const [manualWidths, setManualWidths] = useState<Record<number, number>>({});
  const widths = useMemo(() => autoWidths.map((width, col) => manualWidths[col] ?? width), [autoWidths, manualWidths]);
  const gutter = gutterWidth(rowCount, text.mono);

  const [selection, setSelection] = useState<GridSelection | null>(null);
  const [viewing, setViewing] = useState<CellPosition | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const dragging = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useRowWindow(scrollRef, { rowCount, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, maxHeight: MAX_SCROLL_HEIGHT }, ROW_OVERSCAN);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders this component itself.
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (col) => widths[col] ?? 120,
    overscan: 2,
    paddingStart: gutter,
    scrollPaddingStart: gutter,
  });

  useLayoutEffect(() => {
    columnVirtualizer.measure();
  }, [columnVirtualizer, widths, gutter]);

  useEffect(() => {
    const stop = () => {
      dragging.current = false;
    };
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const resize = useCallback((col: number, width: number) => setManualWidths((current) => ({ ...current, [col]: width })), []);
  const autoSize = useCallback(
    (col: number) =>
      setManualWidths((current) => {
        const next = { ...current };
        delete next[col];
        return next;
      }),
    [],
  );

  const range = selection ? selectionRange(selection) : null;
  const pageError = result?.pageError ?? null;

  useEffect(() => {
    if (pageError) notify({ kind: 'error', title: 'Could not load rows from the spool file', message: pageError });
  }, [pageError, notify]);

  /** The selection when it is small enough to copy; otherwise says so and returns null. */
  const copyableRange = (): SelectionRange | null => {
    if (!range || !result) return null;
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    if (cells > MAX_COPY_CELLS) {
      notify({
        kind: 'error',
        title: 'Selection too large to copy',
        message: `${formatCount(cells)} cells are selected; copy at most ${formatCount(MAX_COPY_CELLS)} at a time.`,
      });
      return null;
    }
    return range;
  };

  /** Copies the range (as TSV unless another format is asked for), first loading any spooled rows of it that are not loaded. */
  const copyRows = async (target: SelectionRange, format: CopyFormat | 'tsv' = 'tsv') => {
    if (!result) return;
    let rows = result.getRows(target.top, target.bottom + 1);
    if (!rows) {
      try {
        rows = await result.readRows(target.top, target.bottom + 1);
      } catch (error) {
        notify({ kind: 'error', title: 'Could not copy', message: `The rows could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
    }
    let text: string;
    try {
      text =
        format === 'tsv'
          ? toTsv(rows, target.left, target.right)
          : copyAsText(format, { rows, columns: result.columns, fromCol: target.left, toCol: target.right }, insertTarget);
    } catch (error) {
      notify({ kind: 'error', title: 'Could not copy', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (!(await copyText(text))) notify({ kind: 'error', title: 'Could not copy', message: 'The clipboard refused the text.' });
  };

  const copySelection = (format: CopyFormat | 'tsv' = 'tsv') => {
    const target = copyableRange();
    if (target) void copyRows(target, format);
  };

  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    event.preventDefault();
    const cell = cellFromTarget(event.target);
    if (cell && !isCellSelected(range, cell.row, cell.col)) setSelection(selectCell(cell));
    setMenu({ x: event.clientX, y: event.clientY });
  };

  const menuEntries = (): MenuEntry[] => {
    const entries: MenuEntry[] = [{ label: 'Copy', shortcut: `${MOD_LABEL}+C`, disabled: !selection, onSelect: () => copySelection() }];
    for (const format of COPY_FORMATS) {
      entries.push({
        label: `Copy as ${COPY_LABELS[format]}`,
        disabled: !selection || (format === 'sql' && !insertTarget),
        onSelect: () => copySelection(format),
      });
    }
    if (onExport) entries.push({ kind: 'separator' }, { label: 'Export…', onSelect: onExport });
    return entries;
  };

  const scrollToCell = (cell: CellPosition) => {
    rows.scrollToRow(cell.row);
    columnVirtualizer.scrollToIndex(cell.col, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = hasModKey(event);
    if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      setSelection(selectAll({ rows: rowCount, cols: columns.length, pageRows: 1 }));
      return;
    }
    if (mod && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      copySelection();
      return;
    }
    if (event.key === 'Enter' && selection) {
      event.preventDefault();
      setViewing(selection.focus);
      return;
    }
    const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT));
    const next = navigate(selection, { key: event.key, shift: event.shiftKey, jump: mod }, { rows: rowCount, cols: columns.length, pageRows });
    if (!next) return;
    event.preventDefault();
    setSelection(next);
    scrollToCell(next.focus);
  };

  // The Edit menu's Copy (and Ctrl+C where the browser sends a copy event) lands here.
  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const target = copyableRange();
    if (!target || !result) return;
    event.preventDefault();
    const rows = result.getRows(target.top, target.bottom + 1);
    if (rows) event.clipboardData.setData('text/plain', toTsv(rows, target.left, target.right));
    else void copyRows(target);
  };

  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const cell = cellFromTarget(event.target);
    if (!cell) return;
    event.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    dragging.current = true;
    setSelection(event.shiftKey ? extendSelection(selection, cell) : selectCell(cell));
  };

  const onMouseMove = (event: MouseEvent<HTMLDivElement>) => {
    if (!dragging.current || (event.buttons & 1) === 0) return;
    const cell = cellFromTarget(event.target);
    if (!cell || (selection && selection.focus.row === cell.row && selection.focus.col === cell.col)) return;
    setSelection(extendSelection(selection, cell));
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const cell = cellFromTarget(event.target);
    if (cell) setViewing(cell);
  };

  const { start: firstRow, end: endRow, firstTop } = rows.window;
  const windowSize = endRow - firstRow;
  const rowIndexes = Array.from({ length: windowSize }, (_, i) => firstRow + i);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const totalWidth = columnVirtualizer.getTotalSize();
  const focus = selection?.focus ?? null;
  const viewedRow = viewing && result ? result.getRow(viewing.row) : undefined;

  return (
    <div className="grid-frame">
      <div
        ref={scrollRef}
        className="grid-scroll"
        role="grid"
        aria-label="Query result"
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onMouseDown={onMouseDown}
        onMouseMove={onMouseMove}
        onDoubleClick={onDoubleClick}
        onContextMenu={onContextMenu}
      >
        <div className="grid-sizer" style={{ width: totalWidth, height: rows.height }}>
          <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth, height: HEADER_HEIGHT }}>
            <div className="grid-corner" role="columnheader" aria-colindex={1} aria-label="Row number" style={{ width: gutter }} />
            {virtualColumns.map((vc) => (
              <GridHeaderCell
                key={vc.index}
                column={columns[vc.index]}
                colIndex={vc.index}
                left={vc.start}
                width={vc.size}
                onResize={resize}
                onAutoSize={autoSize}
              />
            ))}
          </div>
          {rowIndexes.map((rowIndex) => {
            const row = result?.getRow(rowIndex);
            // A spooled row whose page is on its way: a quiet placeholder until it arrives.
            const pending = row === undefined && rowIndex < rowCount;
            return (
              <div
                key={rowIndex % windowSize}
                className={rowIndex % 2 === 1 ? 'grid-row grid-row-alt' : 'grid-row'}
                role="row"
                aria-rowindex={rowIndex + 2}
                style={{ width: totalWidth, height: ROW_HEIGHT, transform: `translateY(${firstTop + (rowIndex - firstRow) * ROW_HEIGHT}px)` }}
              >
                <div className="grid-gutter" role="rowheader" aria-colindex={1} style={{ width: gutter }}>
                  {rowIndex + 1}
                </div>
                {virtualColumns.map((vc) => {
                  const column = columns[vc.index];
                  const value = row?.[vc.index] ?? null;
                  const shown = pending ? PENDING_DISPLAY : displayCell(value, column.category);
                  const selected = isCellSelected(range, rowIndex, vc.index);
                  const focused = focus !== null && focus.row === rowIndex && focus.col === vc.index;
                  let className = 'grid-cell';
                  if (isNumeric(column.category)) className += ' grid-num';
                  if (pending) className += ' grid-pending';
                  else if (shown.isNull) className += ' grid-null';
                  if (selected) className += ' grid-selected';
                  if (focused) className += ' grid-focus';
                  return (
                    <div
                      key={vc.index % virtualColumns.length}
                      className={className}
                      role="gridcell"
                      aria-colindex={vc.index + 2}
                      aria-selected={selected}
                      data-row={rowIndex}
                      data-col={vc.index}
                      aria-busy={pending || undefined}
                      title={!pending && (shown.clipped || prefersViewer(value, column.category)) ? VIEWER_HINT : undefined}
                      style={{ left: vc.start, width: vc.size }}
                    >
                      {shown.text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
        {rowCount === 0 ? <div className="grid-empty">{streaming ? 'Waiting for rows…' : 'No rows'}</div> : null}
      </div>
      {menu ? <Menu x={menu.x} y={menu.y} label="Result actions" entries={menuEntries()} onClose={() => setMenu(null)} /> : null}
      {viewing && viewedRow && columns[viewing.col] ? (
        <CellViewer
          column={columns[viewing.col]}
          value={viewedRow[viewing.col] ?? null}
          rowNumber={viewing.row + 1}
          onClose={() => {
            setViewing(null);
            scrollRef.current?.focus({ preventScroll: true });
          }}
        />
      ) : null}
    </div>
  );
}
