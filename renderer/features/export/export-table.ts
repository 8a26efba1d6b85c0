import type { ExportOptions } from '../../../shared/export/create-serializer';
import { FORMAT_INFO, type ExportFormat } from '../../../shared/export/serializer';
import type { PathSegment } from '../../../shared/model/schema';
import { api } from '../../bridge';
import { useStore } from '../../store';
import { objectNameParts } from '../schema-tree/open-data';
import { exportFileName, saveBlob } from './download';
import { ExportCancelled, type ExportProgress } from './export-writer';
import { exportTableToBlob } from './table-export';
import { sqlDialectOf } from './sql-dialect';

export interface TableExportSettings {
  options?: Omit<ExportOptions, 'dialect' | 'table'>;
  /** The table's estimated row count, for a progress bar; when absent it is asked of table/estimate while the rows stream. */
  estimatedRows?: number | null;
  onProgress?: (progress: ExportProgress) => void;
}

export interface TableExportJob {
  cancel(): void;
  /** True once the file was handed to the download, false when it failed or was cancelled (the user was told). */
  done: Promise<boolean>;
}

/**
 * Exports every row of the table or view at `path` (a schema-tree path) to a downloaded file. Rows
 * stream from the database into the serializer without being stored; cancel() stops the query.
 */
export function exportTable(connectionId: string, path: readonly PathSegment[], format: ExportFormat, settings: TableExportSettings = {}): TableExportJob {
  const controller = new AbortController();
  const { notify, connections, ensureConnectionOpen } = useStore.getState();
  const name = path.at(-1)?.name ?? 'table';
  const run = async (): Promise<boolean> => {
    const dialect = sqlDialectOf(connections.find((c) => c.id === connectionId)?.engine);
    if (!dialect) {
      notify({ kind: 'info', title: 'Export is not available here', message: 'Tables can be exported from PostgreSQL, MySQL/MariaDB and SQLite connections.' });
      return false;
    }
    const opened = await ensureConnectionOpen(connectionId);
    if (!opened) return false;
    let estimate = settings.estimatedRows ?? null;
    if (settings.estimatedRows === undefined) {
      // The export does not wait for it: without an estimate the progress bar only shows activity.
      api.invoke('table/estimate', { connectionId, path: [...path] }).then(
        (answer) => (estimate = answer.rows),
        () => undefined,
      );
    }
    try {
      const blob = await exportTableToBlob({
        client: api,
        connectionId,
        dialect,
        table: objectNameParts(path, opened.capabilities),
        format,
        options: settings.options,
        estimatedRows: () => estimate,
        onProgress: settings.onProgress,
        signal: controller.signal,
      });
      saveBlob(blob, exportFileName(name, FORMAT_INFO[format].extension));
      return true;
    } catch (error) {
      if (error instanceof ExportCancelled || controller.signal.aborted) notify({ kind: 'info', title: `Export of ${name} cancelled` });
      else notify({ kind: 'error', title: `Could not export ${name}`, message: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };
  return { cancel: () => controller.abort(), done: run() };
}
