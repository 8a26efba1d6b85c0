import { useRef, type PointerEvent } from 'react';
import type { ColumnMeta } from '../../../shared/model/query';
import { clampColumnWidth } from './column-widths';
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
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    onResize(colIndex, clampColumnWidth(drag.current.startWidth + event.clientX - drag.current.startX));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };

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
      <div
        className="grid-resize"
        aria-hidden="true"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onDoubleClick={(event) => {
          event.stopPropagation();
          onAutoSize(colIndex);
        }}
      />
    </div>
  );
}
