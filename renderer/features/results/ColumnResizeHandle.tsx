import { useRef, type PointerEvent } from 'react';
import { clampColumnWidth } from './column-widths';

interface ColumnResizeHandleProps {
  colIndex: number;
  width: number;
  onResize: (colIndex: number, width: number) => void;
  onAutoSize: (colIndex: number) => void;
}

/** The handle on a header cell's right edge: drag to set the column's width, double-click to fit it to its values. */
export function ColumnResizeHandle({ colIndex, width, onResize, onAutoSize }: ColumnResizeHandleProps) {
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
  );
}
