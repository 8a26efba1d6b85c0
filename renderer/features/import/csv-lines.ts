/**
 * File line numbers of parsed CSV records. A record starts on the line after the previous record
 * ended, and a quoted field's own line breaks (\r\n, \n or \r, each one line) move the next record down.
 */
export class LineCounter {
  private next = 1;

  /** The line `record` starts on; call once per record, in file order, blank lines included. */
  take(record: readonly string[]): number {
    const line = this.next;
    let breaks = 0;
    for (const field of record) breaks += countLineBreaks(field);
    this.next = line + 1 + breaks;
    return line;
  }
}

export function countLineBreaks(text: string): number {
  let breaks = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (char === 10) breaks += 1;
    else if (char === 13) {
      breaks += 1;
      if (text.charCodeAt(index + 1) === 10) index += 1;
    }
  }
  return breaks;
}

/** An empty line parses as one empty field; it holds no row. */
export function isBlankRecord(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0] === '');
}
