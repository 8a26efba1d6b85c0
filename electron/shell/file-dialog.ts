/** dialog.showOpenDialog options for connection/pick-file. */
export const SQLITE_OPEN_DIALOG = {
  title: 'Open SQLite database',
  properties: ['openFile'],
  filters: [
    { name: 'SQLite databases', extensions: ['sqlite', 'sqlite3', 'db', 'db3'] },
    { name: 'All files', extensions: ['*'] },
  ],
} satisfies {
  title: string;
  properties: 'openFile'[];
  filters: { name: string; extensions: string[] }[];
};
