import { useEffect, useMemo, useRef, useState } from 'react';
import { rollbackRefusal } from '../../../shared/import/rollback-refusal';
import type { ColumnInfo, PathSegment } from '../../../shared/model/schema';
import { api } from '../../bridge';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { autoMapColumns, duplicateTarget, targetColumns, type ColumnMapping } from './column-mapping';
import { previewCsv, type CsvPreview } from './csv-preview';
import { looksLikeHeader } from './header-detection';
import { ImportCancelled, runCsvImport, type ImportProgress } from './import-runner';
import { previewProblems } from './type-checks';
import './import.css';

interface ImportDialogProps {
  connectionId: string;
  tablePath: PathSegment[];
  onClose: () => void;
}

type Phase = { kind: 'setup' } | { kind: 'running'; progress: ImportProgress } | { kind: 'done'; inserted: number } | { kind: 'failed'; message: string };

const DELIMITERS = [
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
] as const;
const SKIP = '\u0000skip';

/** Import CSV into one table: pick a file, check the preview and mapping, then stream it in one transaction. */
export function ImportDialog({ connectionId, tablePath, onClose }: ImportDialogProps) {
  const tableName = tablePath.at(-1)?.name ?? '';
  const [columns, setColumns] = useState<ColumnInfo[] | null>(null);
  /** Why the table cannot take an import at all (its storage engine cannot roll back), read with its columns. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [emptyAsNull, setEmptyAsNull] = useState(true);
  const [phase, setPhase] = useState<Phase>({ kind: 'setup' });
  const [error, setError] = useState<string | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    // Read fresh: the engine decides whether the import can run at all, and it may have changed outside Strata.
    api.invoke('schema/table', { connectionId, path: tablePath, refresh: true }).then(
      (detail) => {
        setColumns(detail.columns);
        setRefusal(rollbackRefusal(tablePath, detail.storageEngine));
      },
      (reason: unknown) => setError(`Could not read the table's columns: ${reason instanceof Error ? reason.message : String(reason)}`),
    );
  }, [connectionId, tablePath]);

  const columnNames = useMemo(() => (columns ?? []).map((column) => column.name), [columns]);

  const load = async (picked: File, delimiter?: string) => {
    setError(null);
    try {
      const next = await previewCsv(picked, delimiter);
      const header = looksLikeHeader(next.records.slice(0, 20).map((record) => record.fields), columnNames);
      setPreview(next);
      setHasHeader(header);
      setMapping(autoMapColumns(next.columnCount, header ? (next.records[0]?.fields ?? []) : null, columnNames));
    } catch (reason) {
      setError(`Could not read the file: ${reason instanceof Error ? reason.message : String(reason)}`);
    }
  };

  const changeHeader = (header: boolean) => {
    setHasHeader(header);
    if (preview) setMapping(autoMapColumns(preview.columnCount, header ? (preview.records[0]?.fields ?? []) : null, columnNames));
  };

  const dataRecords = useMemo(() => (preview ? preview.records.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + 50) : []), [preview, hasHeader]);
  const problems = useMemo(() => previewProblems(dataRecords, mapping, columns ?? [], emptyAsNull), [dataRecords, mapping, columns, emptyAsNull]);
  const problemAt = new Map(problems.map((problem) => [`${problem.line}:${problem.csvColumn}`, problem.message]));
  const duplicate = duplicateTarget(mapping);
  const blocker = refusal ?? (!file ? 'Choose a CSV file.' : targetColumns(mapping).length === 0 ? 'Map at least one CSV column to a table column.' : duplicate ? `The column ${duplicate} is chosen twice.` : null);

  const start = async () => {
    if (!file || !preview || blocker) return;
    const abort = new AbortController();
    controller.current = abort;
    setPhase({ kind: 'running', progress: { bytesRead: 0, totalBytes: file.size, rowsInserted: 0 } });
    try {
      const inserted = await runCsvImport(
        file,
        { connectionId, path: tablePath, format: preview.format, hasHeader, mapping, emptyAsNull },
        (channel, input) => api.invoke(channel, input),
        (progress) => setPhase({ kind: 'running', progress }),
        abort.signal,
      );
      setPhase({ kind: 'done', inserted });
    } catch (reason) {
      const message = reason instanceof ImportCancelled ? reason.message : reason instanceof Error ? reason.message : String(reason);
      setPhase({ kind: 'failed', message });
    } finally {
      controller.current = null;
    }
  };

  const running = phase.kind === 'running';
  const close = () => {
    if (running) controller.current?.abort();
    else onClose();
  };

  const footer = running ? (
    <Button onClick={() => controller.current?.abort()}>Cancel import</Button>
  ) : phase.kind === 'done' ? (
    <Button variant="primary" onClick={onClose}>Close</Button>
  ) : (
    <>
      <Button onClick={onClose}>Close</Button>
      <Button variant="primary" disabled={blocker !== null || columns === null} title={blocker ?? undefined} onClick={() => void start()}>
        Import
      </Button>
    </>
  );

  return (
    <Dialog title={`Import CSV into ${tableName}`} onClose={close} footer={footer} width={880} className="import-dialog">
      {error ? <p className="import-error" role="alert">{error}</p> : null}
      {refusal ? <p className="import-error" role="alert">{refusal}</p> : null}
      <div className="import-options">
        <label className="field">
          <span className="field-label">CSV file</span>
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain"
            disabled={running}
            onChange={(event) => {
              const picked = event.target.files?.[0] ?? null;
              setFile(picked);
              setPhase({ kind: 'setup' });
              if (picked) void load(picked);
            }}
          />
        </label>
        {preview ? (
          <>
            <Select
              label="Delimiter"
              value={preview.format.delimiter}
              options={DELIMITERS.some((option) => option.value === preview.format.delimiter) ? DELIMITERS : [...DELIMITERS, { value: preview.format.delimiter, label: preview.format.delimiter }]}
              onChange={(delimiter) => file && void load(file, delimiter)}
              disabled={running}
            />
            <Checkbox label="First row is a header" checked={hasHeader} onChange={changeHeader} disabled={running} />
            <Checkbox label="Empty fields become NULL" hint="Otherwise they are imported as empty text." checked={emptyAsNull} onChange={setEmptyAsNull} disabled={running} />
          </>
        ) : null}
      </div>
      {preview ? (
        <div className="import-preview" role="region" aria-label="Preview">
          <table>
            <thead>
              <tr>
                <th>Line</th>
                {mapping.map((target, index) => (
                  <th key={index}>
                    <select
                      aria-label={`Table column for CSV column ${index + 1}${hasHeader && preview.records[0] ? ` (${preview.records[0].fields[index] ?? ''})` : ''}`}
                      value={target ?? SKIP}
                      disabled={running}
                      onChange={(event) => setMapping(mapping.map((old, at) => (at === index ? (event.target.value === SKIP ? null : event.target.value) : old)))}
                    >
                      <option value={SKIP}>Skip</option>
                      {columnNames.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                    {hasHeader ? <div className="import-csv-name">{preview.records[0]?.fields[index] ?? ''}</div> : null}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {dataRecords.map((record) => (
                <tr key={record.line}>
                  <td className="import-line">{record.line}</td>
                  {mapping.map((_, index) => {
                    const problem = problemAt.get(`${record.line}:${index}`);
                    return (
                      <td key={index} className={problem ? 'import-bad' : undefined} title={problem}>
                        {record.fields[index] ?? ''}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {problems.length > 0 ? (
        <ul className="import-problems" aria-label="Type problems in the preview">
          {problems.slice(0, 10).map((problem) => (
            <li key={`${problem.line}:${problem.csvColumn}`}>Line {problem.line}: {problem.message}</li>
          ))}
          {problems.length > 10 ? <li>…and {problems.length - 10} more in the preview.</li> : null}
        </ul>
      ) : null}
      {phase.kind === 'running' ? (
        <div className="import-progress">
          <progress value={phase.progress.bytesRead} max={Math.max(1, phase.progress.totalBytes)} aria-label="Bytes read" />
          <span>
            {formatBytes(phase.progress.bytesRead)} of {formatBytes(phase.progress.totalBytes)} read · {phase.progress.rowsInserted.toLocaleString()} rows inserted
          </span>
        </div>
      ) : null}
      {phase.kind === 'done' ? <p className="import-done" role="status">Imported {phase.inserted.toLocaleString()} rows into {tableName}.</p> : null}
      {phase.kind === 'failed' ? <p className="import-error" role="alert">{phase.message}</p> : null}
    </Dialog>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
