import type { PickFileKind } from '../../shared/ipc/contract';

interface OpenDialogOptions {
  title: string;
  properties: 'openFile'[];
  filters: { name: string; extensions: string[] }[];
}

/** dialog.showOpenDialog options for connection/pick-file, by what it asks for. */
export const OPEN_DIALOGS: Record<PickFileKind, OpenDialogOptions> = {
  'sqlite-database': {
    title: 'Open SQLite database',
    properties: ['openFile'],
    filters: [
      { name: 'SQLite databases', extensions: ['sqlite', 'sqlite3', 'db', 'db3'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  'ca-certificate': {
    title: 'Choose CA certificate',
    properties: ['openFile'],
    filters: [
      { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
};
