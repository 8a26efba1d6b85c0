import type { TextWidths } from './column-widths';

/** Fallbacks close to common 12px fonts, for when a canvas is unavailable. */
const FALLBACK: TextWidths = { mono: 7.2, ui: 6.8 };
const SAMPLE = 'abcdefghijklmnopqrstuvwxyz0123456789_ABCDEFGHIJ';

let measured: TextWidths | null = null;

/** Character widths of the grid's fonts, measured once from the theme's font stacks. */
export function gridTextWidths(): TextWidths {
  if (measured) return measured;
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return FALLBACK;
  const styles = getComputedStyle(document.documentElement);
  const mono = styles.getPropertyValue('--font-mono').trim() || 'monospace';
  const ui = styles.getPropertyValue('--font-ui').trim() || 'sans-serif';
  context.font = `12px ${mono}`;
  const monoWidth = context.measureText(SAMPLE).width / SAMPLE.length;
  context.font = `600 12px ${ui}`;
  const uiWidth = context.measureText(SAMPLE).width / SAMPLE.length;
  measured = { mono: monoWidth || FALLBACK.mono, ui: uiWidth || FALLBACK.ui };
  return measured;
}
