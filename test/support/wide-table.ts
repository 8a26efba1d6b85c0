import type Database from 'better-sqlite3';

/** The `wide` table of the large-grid test and the grid scroll benchmark: 5,200 rows, one page of 5,000 and a rest. */
export const WIDE_TABLE = 'wide';
export const WIDE_ROWS = 5200;
/** The id column and 29 more: 30 columns, wider than the screen. */
export const WIDE_EXTRA_COLUMNS = 29;
export const wideColumnName = (index: number) => `c${String(index).padStart(2, '0')}`;
/** Every value differs, so a row shown at the wrong place or a value cut short is caught. */
export const wideValue = (id: number, column: number) => `${id}-${column}-${(id * 7919 + column * 104_729) % 1_000_003}`;

/** Creates and fills the `wide` table in an open SQLite database. */
export function createWideTable(db: Database.Database): void {
  const extra = Array.from({ length: WIDE_EXTRA_COLUMNS }, (_, index) => wideColumnName(index + 1));
  db.exec(`CREATE TABLE ${WIDE_TABLE} (id INTEGER PRIMARY KEY, ${extra.map((name) => `${name} TEXT`).join(', ')})`);
  const insert = db.prepare(`INSERT INTO ${WIDE_TABLE} VALUES (${['?', ...extra.map(() => '?')].join(', ')})`);
  db.transaction(() => {
    for (let id = 1; id <= WIDE_ROWS; id++) insert.run(id, ...extra.map((_, index) => wideValue(id, index + 1)));
  })();
}
