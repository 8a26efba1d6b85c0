import { useRef } from 'react';
import type { TableColumn } from '../../../shared/sql/table-query';
import type { ValueType } from '../../../shared/sql/value-types';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { formatCount } from '../results/format-figures';

interface CellEditorProps {
  column: TableColumn;
  /** "row 12" or "new row", for the title. */
  rowLabel: string;
  /** The whole value to start from, never the grid's shortened preview. */
  text: string;
  type: ValueType;
  /** Why the last text saved was refused, shown until the next save. */
  error: string | null;
  onSave: (text: string) => void;
  onClose: () => void;
}

function describe(text: string, type: ValueType): string {
  if (type.kind === 'bytes') {
    const digits = text.replace(/^\\x/i, '').length;
    return `${formatCount(Math.floor(digits / 2))} bytes as hex`;
  }
  return `${formatCount(text.length)} characters`;
}

/**
 * The whole value of one cell in a text box, for values the grid shows shortened (long, or with line
 * breaks). Save hands the box's text back whole; Cancel or Esc changes nothing.
 */
export function CellEditor({ column, rowLabel, text, type, error, onSave, onClose }: CellEditorProps) {
  // Uncontrolled: a value of megabytes is not copied into React state on every key.
  const box = useRef<HTMLTextAreaElement>(null);
  const lines = Math.min(40, text.split('\n', 41).length + Math.ceil(Math.min(text.length, 8000) / 96));

  return (
    <Dialog
      title={`Edit ${column.name} · ${rowLabel}`}
      onClose={onClose}
      width={760}
      className="cell-viewer cell-editor"
      footer={
        <>
          <span className="cell-viewer-info">
            {column.dataType ? `${column.dataType} · ` : ''}
            {describe(text, type)}
          </span>
          <span className="spacer" />
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={() => onSave(box.current?.value ?? text)}>
            Save
          </Button>
        </>
      }
    >
      <textarea
        ref={box}
        className="cell-viewer-text"
        aria-label={`Value of ${column.name}`}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? 'cell-editor-error' : undefined}
        spellCheck={false}
        wrap={type.kind === 'bytes' ? 'off' : 'soft'}
        data-autofocus
        style={{ height: `clamp(120px, ${lines * 18 + 24}px, 60vh)` }}
        defaultValue={text}
      />
      {error !== null ? (
        <div className="field-error" id="cell-editor-error" role="alert">
          {error}
        </div>
      ) : null}
    </Dialog>
  );
}
