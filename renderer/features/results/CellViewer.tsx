import { useMemo, useState } from 'react';
import type { Cell, ColumnMeta } from '../../../shared/model/query';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { viewerText, type ViewerText } from './cell-viewer-text';
import { copyText } from './clipboard';
import { formatCount } from './format-figures';

interface CellViewerProps {
  column: ColumnMeta;
  value: Cell;
  rowNumber: number;
  onClose: () => void;
}

function describe(value: Cell, format: ViewerText['format'], truncated: boolean): string {
  if (value === null) return 'NULL';
  if (format === 'hex') {
    const bytes = formatCount(Math.floor((value.length - 2) / 2));
    return `${bytes} bytes${truncated ? ', the first 1 MB shown' : ''}`;
  }
  const length = `${formatCount([...value].length)} characters`;
  return format === 'json' ? `${length}, pretty-printed` : length;
}

/** The whole value of one cell, read-only: JSON pretty-printed, binary as a hex dump, text as it is. */
export function CellViewer({ column, value, rowNumber, onClose }: CellViewerProps) {
  const shown = useMemo(() => viewerText(value, column.category), [value, column.category]);
  // Rows the text fills, counting soft-wrapped lines (about 96 characters fit across), to size the box.
  const rows = useMemo(() => {
    const lines = shown.text.split('\n');
    return shown.format === 'text' ? lines.reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / 96)), 0) : lines.length;
  }, [shown]);
  const [copied, setCopied] = useState<boolean | null>(null);

  const copy = async () => {
    // Binary copies as the \x text the database understands, not as the dump.
    const text = value === null ? '' : shown.format === 'hex' ? value : shown.text;
    setCopied(await copyText(text));
  };

  return (
    <Dialog
      title={`${column.name} · row ${formatCount(rowNumber)}`}
      onClose={onClose}
      width={720}
      className="cell-viewer"
      footer={
        <>
          <span className="cell-viewer-info">
            {column.dataType ? `${column.dataType} · ` : ''}
            {describe(value, shown.format, shown.truncated)}
          </span>
          <span className="spacer" />
          {copied !== null ? <span className="cell-viewer-copied">{copied ? 'Copied' : 'Copy failed'}</span> : null}
          <Button variant="primary" onClick={() => void copy()} disabled={value === null}>
            Copy
          </Button>
        </>
      }
    >
      <textarea
        className={value === null ? 'cell-viewer-text cell-viewer-null' : 'cell-viewer-text'}
        aria-label={`Value of ${column.name}`}
        readOnly
        spellCheck={false}
        wrap={shown.format === 'text' ? 'soft' : 'off'}
        style={{ height: `clamp(96px, ${rows * 18 + 24}px, 60vh)` }}
        value={shown.text}
      />
    </Dialog>
  );
}
