import type { TableColumn } from '../../../shared/sql/table-query';
import { ColumnResizeHandle } from '../results/ColumnResizeHandle';

interface TableHeaderCellProps {
  column: TableColumn;
  colIndex: number;
  left: number;
  width: number;
  direction: 'asc' | 'desc' | undefined;
  onSort: (column: string) => void;
  onResize: (colIndex: number, width: number) => void;
  onAutoSize: (colIndex: number) => void;
}

/** A column's name, key mark, muted type and sort mark: click to sort, drag its right edge to resize. */
export function TableHeaderCell({ column, colIndex, left, width, direction, onSort, onResize, onAutoSize }: TableHeaderCellProps) {
  return (
    <th
      className="grid-header-cell table-header-cell"
      role="columnheader"
      aria-colindex={colIndex + 2}
      aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
      style={{ left, width }}
    >
      <button type="button" className="table-sort" onClick={() => onSort(column.name)} title={`${column.dataType}${column.inRowKey ? ' · row key' : ''} — click to sort`}>
        {column.inRowKey ? <span className="table-key-mark">key</span> : null}
        <span className="grid-header-name table-column-name">{column.name}</span>
        {column.dataType ? <span className="grid-header-type">{column.dataType}</span> : null}
        {direction ? <span className="table-sort-mark">{direction === 'asc' ? '▲' : '▼'}</span> : null}
      </button>
      <ColumnResizeHandle colIndex={colIndex} width={width} onResize={onResize} onAutoSize={onAutoSize} />
    </th>
  );
}
