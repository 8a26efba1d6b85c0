/** The cursor marker in test texts. */
export const CARET = '‸';

/** Splits a text with one caret into the text and the cursor's offset. */
export function withCaret(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CARET);
  if (offset === -1 || marked.indexOf(CARET, offset + 1) !== -1) throw new Error(`Mark the cursor with exactly one ${CARET}: ${marked}`);
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
