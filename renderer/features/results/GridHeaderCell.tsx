import type { ColumnMeta } from '../../../shared/model/query';
import { ColumnResizeHandle } from './ColumnResizeHandle';
import { isNumeric } from './format-value';

interface GridHeaderCellProps {
  column: ColumnMeta;
  colIndex: number;
  left: number;
  width: number;
  onResize: (colIndex: number, width: number) => void;
  onAutoSize: (colIndex: number) => void;
}

/** A column's name and muted type, with a handle on its right edge to drag its width. */
export function GridHeaderCell({ column, colIndex, left, width, onResize, onAutoSize }: GridHeaderCellProps) {
  return (
    <div
      className={isNumeric(column.category) ? 'grid-header-cell grid-num' : 'grid-header-cell'}
      role="columnheader"
      aria-colindex={colIndex + 2}
      title={`${column.name}  ${column.dataType}`}
      style={{ left, width }}
    >
      <span className="grid-header-name">{column.name}</span>
      {column.dataType ? <span className="grid-header-type">{column.dataType}</span> : null}
      <ColumnResizeHandle colIndex={colIndex} width={width} onResize={onResize} onAutoSize={onAutoSize} />
    </div>
  );
}
