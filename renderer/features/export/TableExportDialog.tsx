import { useEffect, useRef, useState } from 'react';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat } from '../../../shared/export/serializer';
import type { PathSegment } from '../../../shared/model/schema';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import { progressDisplay } from './export-progress';
import type { ExportProgress } from './export-writer';
import { exportTable, type TableExportJob } from './export-table';
import './export.css';

/** Export of a whole table or view from the schema tree: pick a format, then watch the rows stream or cancel. */
export function TableExportDialog({ connectionId, path, onClose }: { connectionId: string; path: PathSegment[]; onClose: () => void }) {
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const job = useRef<TableExportJob | null>(null);
  const name = path.at(-1)?.name ?? 'table';
  const display = progress ? progressDisplay(progress) : null;

  useEffect(() => () => job.current?.cancel(), []);

  const start = async () => {
    if (job.current) return;
    setProgress({ rowsDone: 0, total: null });
    const running = exportTable(connectionId, path, format, { onProgress: setProgress });
    job.current = running;
    const saved = await running.done;
    job.current = null;
    if (saved) onClose();
    else setProgress(null);
  };

  const close = () => {
    job.current?.cancel();
    onClose();
  };

  const footer = progress ? (
    <Button onClick={() => job.current?.cancel()}>Cancel export</Button>
  ) : (
    <>
      <Button onClick={close}>Cancel</Button>
      <Button type="submit" variant="primary">
        Export
      </Button>
    </>
  );

  return (
    <Dialog title={`Export ${name}`} onClose={close} onSubmit={() => void start()} footer={footer} className="export-dialog">
      <fieldset className="export-options" disabled={progress !== null}>
        <Select label="Format" value={format} options={EXPORT_FORMATS.map((f) => ({ value: f, label: FORMAT_INFO[f].label }))} onChange={setFormat} data-autofocus />
      </fieldset>
      {display ? (
        <div className="export-progress" aria-live="polite">
          {/* Without a value the bar is indeterminate: it shows activity, not a share. */}
          <progress max={1} value={display.fraction ?? undefined} aria-label="Export progress" aria-valuetext={display.label} />
          <span>{display.label}</span>
        </div>
      ) : null}
    </Dialog>
  );
}
