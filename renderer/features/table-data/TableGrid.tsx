import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CellValue, TableSort } from '../../../shared/sql/table-query';
import type { LoadedTablePage } from '../../store/table-data-slice';
import { cellInput } from './cell-input';
import { currentValue, isBinaryCell, type PendingEdits, type RowRef } from './pending-edits';

export interface CellPosition {
  row: RowRef;
  column: number;
}

interface TableGridProps {
  page: LoadedTablePage;
  edits: PendingEdits;
  sort: TableSort[];
  editable: boolean;
  active: CellPosition | null;
  selectedRows: RowRef[];
  onActivate: (position: CellPosition, extendRows: boolean) => void;
  onSort: (column: string) => void;
  onEdit: (position: CellPosition, value: CellValue) => void;
}

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

/** The page as a table: click a header to sort, double-click, Enter or F2 to edit a cell. */
export function TableGrid({ page, edits, sort, editable, active, selectedRows, onActivate, onSort, onEdit }: TableGridProps) {
  const rows = gridRows(page, edits);
  // `error`: why the text was refused (a binary cell takes hex only); the editor stays open with it.
  const [editing, setEditing] = useState<{ position: CellPosition; text: string; binary: boolean; error: string | null } | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const deleted = new Set(edits.deleted);

  useEffect(() => {
    if (!editing) gridRef.current?.querySelector<HTMLElement>('.table-cell.active')?.focus({ preventScroll: false });
  }, [active, editing]);

  const startEditing = (position: CellPosition) => {
    if (!editable || (position.row.kind === 'loaded' && deleted.has(position.row.index))) return;
    const binary = isBinaryCell(edits, page, position.row, position.column);
    setEditing({ position, text: valueAt(page, edits, position.row, position.column) ?? '', binary, error: null });
  };
  const commit = () => {
    if (!editing) return;
    const input = cellInput(editing.text, editing.binary);
    if (!input.ok) {
      setEditing({ ...editing, error: input.message });
      return;
    }
    onEdit(editing.position, input.value);
    setEditing(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || !active) return;
    const rowIndex = rows.findIndex((row) => sameRow(row, active.row));
    const move = (rowDelta: number, columnDelta: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, rowIndex + rowDelta))];
      const column = Math.max(0, Math.min(page.columns.length - 1, active.column + columnDelta));
      if (row) onActivate({ row, column }, false);
    };
    switch (event.key) {
      case 'ArrowDown':
        move(1, 0);
        break;
      case 'ArrowUp':
        move(-1, 0);
        break;
      case 'ArrowLeft':
        move(0, -1);
        break;
      case 'ArrowRight':
        move(0, 1);
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

  const sortOf = (column: string) => sort.find((entry) => entry.column === column)?.direction;

  return (
    <div className="table-grid" ref={gridRef} onKeyDown={onKeyDown} role="grid" aria-label="Table rows" aria-rowcount={rows.length + 1}>
      <table>
        <thead>
          <tr>
            <th className="table-row-header" aria-label="Row" />
            {page.columns.map((column) => {
              const direction = sortOf(column.name);
              return (
                <th key={column.name} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
                  <button type="button" className="table-sort" onClick={() => onSort(column.name)} title={`${column.dataType}${column.inRowKey ? ' · row key' : ''} — click to sort`}>
                    {column.inRowKey ? <span className="table-key-mark">key</span> : null}
                    <span className="table-column-name">{column.name}</span>
                    {direction ? <span className="table-sort-mark">{direction === 'asc' ? '▲' : '▼'}</span> : null}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, displayIndex) => {
            const isDeleted = row.kind === 'loaded' && deleted.has(row.index);
            const rowClass = ['table-row', isDeleted ? 'deleted' : '', row.kind === 'new' ? 'inserted' : '', selectedRows.some((selected) => sameRow(selected, row)) ? 'selected' : '']
              .filter(Boolean)
              .join(' ');
            return (
              <tr key={row.kind === 'loaded' ? `r${row.index}` : `n${row.id}`} className={rowClass} data-state={isDeleted ? 'deleted' : row.kind === 'new' ? 'new' : undefined}>
                <th className="table-row-header" scope="row" onClick={(event) => onActivate({ row, column: active?.column ?? 0 }, event.ctrlKey || event.metaKey || event.shiftKey)}>
                  {row.kind === 'new' ? '+' : page.offset + displayIndex + 1}
                </th>
                {page.columns.map((column, columnIndex) => {
                  const position = { row, column: columnIndex };
                  const isActive = active !== null && sameRow(active.row, row) && active.column === columnIndex;
                  const isEditing = editing !== null && sameRow(editing.position.row, row) && editing.position.column === columnIndex;
                  const value = valueAt(page, edits, row, columnIndex);
                  const className = ['table-cell', isActive ? 'active' : '', isSet(page, edits, row, columnIndex) ? 'changed' : '', value === null ? 'null' : ''].filter(Boolean).join(' ');
                  return (
                    <td
                      key={column.name}
                      className={className}
                      tabIndex={isActive ? 0 : -1}
                      role="gridcell"
                      data-column={column.name}
                      onClick={(event) => onActivate(position, event.ctrlKey || event.metaKey || event.shiftKey)}
                      onDoubleClick={() => startEditing(position)}
                    >
                      {isEditing && editing ? (
                        <>
                          <input
                            className="table-cell-input"
                            aria-label={`Edit ${column.name}`}
                            aria-invalid={editing.error !== null}
                            aria-describedby={editing.error !== null ? 'table-cell-error' : undefined}
                            placeholder={editing.binary ? 'hex bytes, e.g. 0x00ff' : undefined}
                            autoFocus
                            value={editing.text}
                            onChange={(event) => setEditing({ ...editing, text: event.target.value, error: null })}
                            onBlur={commit}
                            onKeyDown={(event) => {
                              event.stopPropagation();
                              if (event.key === 'Enter') commit();
                              if (event.key === 'Escape') setEditing(null);
                            }}
                          />
                          {editing.error !== null ? (
                            <div className="table-cell-error" id="table-cell-error" role="alert">
                              {editing.error}
                            </div>
                          ) : null}
                        </>
                      ) : value === null ? (
                        'NULL'
                      ) : (
                        value
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 ? <div className="table-empty">No rows match.</div> : null}
    </div>
  );
}
