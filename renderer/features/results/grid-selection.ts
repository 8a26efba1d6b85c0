export interface CellPosition {
  row: number;
  col: number;
}

/** A rectangle of cells between the anchor (where selecting started) and the focus (where it is now). */
export interface GridSelection {
  anchor: CellPosition;
  focus: CellPosition;
}

export interface SelectionRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface GridBounds {
  rows: number;
  cols: number;
  /** Rows that fit on screen, for Page Up / Page Down. */
  pageRows: number;
}

export function selectCell(position: CellPosition): GridSelection {
  return { anchor: position, focus: position };
}

/** Shift-click: keep the anchor, move the focus. */
export function extendSelection(selection: GridSelection | null, position: CellPosition): GridSelection {
  return { anchor: selection?.anchor ?? position, focus: position };
}

export function selectionRange(selection: GridSelection): SelectionRange {
  const { anchor, focus } = selection;
  return {
    top: Math.min(anchor.row, focus.row),
    bottom: Math.max(anchor.row, focus.row),
    left: Math.min(anchor.col, focus.col),
    right: Math.max(anchor.col, focus.col),
  };
}

export function isCellSelected(range: SelectionRange | null, row: number, col: number): boolean {
  return range !== null && row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

export function selectAll(bounds: GridBounds): GridSelection | null {
  if (bounds.rows === 0 || bounds.cols === 0) return null;
  return { anchor: { row: 0, col: 0 }, focus: { row: bounds.rows - 1, col: bounds.cols - 1 } };
}

export interface NavigationKey {
  key: string;
  shift: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS: jump to the edge. */
  jump: boolean;
}

/**
 * The selection after a navigation key, or null when the key does not navigate. Shift extends from
 * the anchor; without it the selection collapses to the new focus.
 */
export function navigate(selection: GridSelection | null, input: NavigationKey, bounds: GridBounds): GridSelection | null {
  if (bounds.rows === 0 || bounds.cols === 0) return null;
  const from = selection?.focus ?? { row: 0, col: 0 };
  const lastRow = bounds.rows - 1;
  const lastCol = bounds.cols - 1;
  const page = Math.max(1, bounds.pageRows - 1);
  let { row, col } = from;
  switch (input.key) {
    case 'ArrowUp':
      row = input.jump ? 0 : row - 1;
      break;
    case 'ArrowDown':
      row = input.jump ? lastRow : row + 1;
      break;
    case 'ArrowLeft':
      col = input.jump ? 0 : col - 1;
      break;
    case 'ArrowRight':
      col = input.jump ? lastCol : col + 1;
      break;
    case 'Home':
      col = 0;
      if (input.jump) row = 0;
      break;
    case 'End':
      col = lastCol;
      if (input.jump) row = lastRow;
      break;
    case 'PageUp':
      row -= page;
      break;
    case 'PageDown':
      row += page;
      break;
    default:
      return null;
  }
  const focus = { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) };
  if (!selection) return selectCell(focus);
  return input.shift ? { anchor: selection.anchor, focus } : selectCell(focus);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
