import { useEffect, useState } from 'react';
import { ImportDialog } from './ImportDialog';
import { closeImportDialog, watchImportRequests, type ImportRequest } from './import-dialog-trigger';

/** Mounted once in the app: shows the Import CSV dialog whenever openImportDialog() is called. */
export function ImportDialogHost() {
  const [request, setRequest] = useState<ImportRequest | null>(null);
  useEffect(() => watchImportRequests(setRequest), []);
  if (!request) return null;
  return <ImportDialog key={`${request.connectionId}/${JSON.stringify(request.tablePath)}`} {...request} onClose={closeImportDialog} />;
}
