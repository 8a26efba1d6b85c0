import type { Cell, ValueCategory } from '../../../shared/model/query';

/** Longest text a grid cell shows; the cell viewer shows the rest. */
export const CELL_DISPLAY_LIMIT = 300;

export interface CellDisplay {
  text: string;
  isNull: boolean;
  /** The grid shows less than the whole value: open the cell viewer to see it. */
  clipped: boolean;
}

const NULL_DISPLAY: CellDisplay = { text: 'NULL', isNull: true, clipped: false };

/**
 * What a grid cell shows: one line, at most CELL_DISPLAY_LIMIT characters. Line breaks and tabs become
 * visible symbols so that a multi-line value never looks like a shorter one.
 */
export function displayCell(value: Cell, category: ValueCategory): CellDisplay {
  if (value === null) return NULL_DISPLAY;
  if (category === 'boolean') return { text: displayBoolean(value), isNull: false, clipped: false };
  const long = value.length > CELL_DISPLAY_LIMIT;
  const head = long ? value.slice(0, CELL_DISPLAY_LIMIT) : value;
  const text = /[\r\n\t]/.test(head) ? head.replace(/\r\n|\r|\n/g, '↵').replace(/\t/g, '→') : head;
  return { text: long ? text + '…' : text, isNull: false, clipped: long || text !== head };
}

function displayBoolean(value: string): string {
  if (value === 't') return 'true';
  if (value === 'f') return 'false';
  return value;
}

/** Values worth opening in the cell viewer rather than reading in the grid. */
export function prefersViewer(value: Cell, category: ValueCategory): boolean {
  if (value === null) return false;
  return category === 'json' || category === 'binary' || value.length > 80 || /[\r\n]/.test(value);
}

/** Whether the grid aligns the column to the right. */
export function isNumeric(category: ValueCategory): boolean {
  return category === 'number';
}
