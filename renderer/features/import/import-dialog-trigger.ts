import type { PathSegment } from '../../../shared/model/schema';

export interface ImportRequest {
  connectionId: string;
  tablePath: PathSegment[];
}

type Listener = (request: ImportRequest | null) => void;
const listeners = new Set<Listener>();
let current: ImportRequest | null = null;

/** Opens the Import CSV dialog for a table (the ImportDialogHost must be mounted). */
export function openImportDialog(connectionId: string, tablePath: PathSegment[]): void {
  current = { connectionId, tablePath };
  for (const listener of listeners) listener(current);
}

export function closeImportDialog(): void {
  current = null;
  for (const listener of listeners) listener(null);
}

export function watchImportRequests(listener: Listener): () => void {
  listeners.add(listener);
  listener(current);
  return () => listeners.delete(listener);
}
