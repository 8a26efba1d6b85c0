import { useEffect, useRef, useState } from 'react';
import { createSerializer } from '../../../shared/export/create-serializer';
import { EXPORT_FORMATS, FORMAT_INFO, type BinaryEncoding, type ExportFormat, type SqlDialect } from '../../../shared/export/serializer';
import { parseQualifiedName } from '../../../shared/export/table-name';
import { qualifiedName } from '../../../shared/sql/quote';
import { useStore } from '../../store';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { TextField } from '../../ui/TextField';
import { formatCount } from '../results/format-figures';
import type { StatementResult } from '../results/result-store';
import { exportFileName, saveBlob } from './download';
import { ExportCancelled, writeExport, type ExportProgress } from './export-writer';
import { resultBlocks } from './result-blocks';
import './export.css';

const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
] as const;

const BINARY_OPTIONS = [
  { value: 'hex', label: 'Hex (\\x…)' },
  { value: 'base64', label: 'Base64' },
] as const;

interface ExportDialogProps {
  result: StatementResult;
  /** The connection's SQL dialect; null leaves out SQL INSERT. */
  dialect: SqlDialect | null;
  /** Suggested target table of SQL INSERTs. */
  defaultTable: readonly string[];
  /** The file name without its extension. */
  fileBase: string;
  onClose: () => void;
}

/** Export of one statement's rows: pick a format and its options, then watch the progress or cancel. */
export function ExportDialog({ result, dialect, defaultTable, fileBase, onClose }: ExportDialogProps) {
  const notify = useStore((s) => s.notify);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [delimiter, setDelimiter] = useState<string>(',');
  const [header, setHeader] = useState(true);
  const [binary, setBinary] = useState<BinaryEncoding>('hex');
  const [tableText, setTableText] = useState(() => (dialect ? qualifiedName(dialect, [...defaultTable]) : ''));
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const formats = EXPORT_FORMATS.filter((f) => f !== 'sql' || dialect !== null).map((f) => ({ value: f, label: FORMAT_INFO[f].label }));
  const table = parseQualifiedName(tableText);
  const tableError = format === 'sql' && !table ? 'Enter a table name, e.g. orders or "my schema"."my table".' : null;
  const running = progress !== null;

  const start = async () => {
    if (running || tableError) return;
    setError(null);
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ rowsDone: 0, total: result.rowCount });
    try {
      const serializer = createSerializer(format, result.columns, { delimiter, header, binary, dialect: dialect ?? undefined, table: table ?? [] });
      const blob = await writeExport({
        serializer,
        blocks: resultBlocks(result),
        mimeType: FORMAT_INFO[format].mimeType,
        total: () => result.rowCount,
        onProgress: setProgress,
        signal: abort.signal,
      });
      saveBlob(blob, exportFileName(fileBase, FORMAT_INFO[format].extension));
      notify({ kind: 'success', title: `Exported ${formatCount(result.rowCount)} rows as ${FORMAT_INFO[format].label}` });
      onClose();
    } catch (caught) {
      setProgress(null);
      if (!(caught instanceof ExportCancelled)) setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      controller.current = null;
    }
  };

  const close = () => {
    controller.current?.abort();
    onClose();
  };

  const footer = running ? (
    <Button onClick={() => controller.current?.abort()}>Cancel export</Button>
  ) : (
    <>
      <Button onClick={close}>Cancel</Button>
      <Button type="submit" variant="primary" disabled={tableError !== null}>
        Export
      </Button>
    </>
  );

  return (
    <Dialog title={`Export ${formatCount(result.rowCount)} rows`} onClose={close} onSubmit={() => void start()} footer={footer} className="export-dialog">
      <fieldset className="export-options" disabled={running}>
        <Select label="Format" value={format} options={formats} onChange={setFormat} data-autofocus />
        {format === 'csv' ? <Select label="Delimiter" value={delimiter} options={DELIMITERS} onChange={setDelimiter} /> : null}
        {format === 'csv' || format === 'tsv' ? <Checkbox label="First line holds the column names" checked={header} onChange={setHeader} /> : null}
        {format === 'csv' || format === 'tsv' || format === 'json' || format === 'ndjson' ? (
          <Select label="Binary values" value={binary} options={BINARY_OPTIONS} onChange={setBinary} />
        ) : null}
        {format === 'sql' ? <TextField label="Table" value={tableText} onChange={setTableText} error={tableError} /> : null}
      </fieldset>
      {progress ? (
        <div className="export-progress" aria-live="polite">
          <progress max={progress.total ?? undefined} value={progress.rowsDone} aria-label="Export progress" />
          <span>
            {formatCount(progress.rowsDone)}
            {progress.total !== null ? ` of ${formatCount(progress.total)}` : ''} rows
          </span>
        </div>
      ) : null}
      {error ? (
        <p className="export-error" role="alert">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
