import { describe, expect, it } from 'vitest';
import { encodeResultBatch } from '../../../shared/result-batch/encode';
import { batchRows } from '../../../shared/result-batch/read';
import { changeStatements, tableChangeSchema, type TableChange } from '../../../shared/sql/dml';
import { selectRowsSql, type SqlEngine, type TableColumn } from '../../../shared/sql/table-query';
import { addRow, duplicateRow, isBinaryCell, NO_EDITS, setCell, toChanges, type LoadedRows } from '../../../renderer/features/table-data/pending-edits';
import { blobCellsOf } from '../../../electron/core/table-data/blob-cells';
import { joinBatches } from '../../../electron/core/table-data/join-batches';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('planned statements bind hex values as bytes', () => {
  const update: TableChange = {
    kind: 'update',
    key: [{ column: 'k', value: '00ff', encoding: 'hex' }],
    set: [
      { column: 'data', value: 'DEAD', original: null, encoding: 'hex' },
      { column: 'note', value: '\\x01', original: 'was' },
    ],
  };

  it('PostgreSQL: the key, the new value and the original are Uint8Array parameters; text stays text', () => {
    const [statement] = changeStatements('postgres', ['t'], update);
    expect(statement.sql).toBe('UPDATE "t" SET "data" = $1, "note" = $2 WHERE "k" = $3 AND "data" IS NOT DISTINCT FROM $4 AND "note" IS NOT DISTINCT FROM $5');
    expect(statement.params).toEqual([bytes(0xde, 0xad), '\\x01', bytes(0, 0xff), null, 'was']);
    expect(statement.params[0]).toBeInstanceOf(Uint8Array);
    expect(statement.params[2]).toBeInstanceOf(Uint8Array);
  });

  it('MySQL: both the locking SELECT and the UPDATE bind the bytes', () => {
    const [find, change] = changeStatements('mysql', ['t'], { ...update, set: [{ column: 'data', value: 'dead', original: 'beef', encoding: 'hex' }] });
    expect(find.sql).toBe('SELECT 1 FROM `t` WHERE `k` = ? AND `data` <=> ? FOR UPDATE');
    expect(find.params).toEqual([bytes(0, 0xff), bytes(0xbe, 0xef)]);
    expect(change.params).toEqual([bytes(0xde, 0xad), bytes(0, 0xff), bytes(0xbe, 0xef)]);
    expect(change.params.every((param) => param instanceof Uint8Array)).toBe(true);
  });

  it.each<SqlEngine>(['postgres', 'mysql', 'sqlite'])('%s: inserts and deletes bind bytes, and every byte value survives', (engine) => {
    const all = Array.from({ length: 256 }, (_, byte) => byte);
    const hex = all.map((byte) => byte.toString(16).padStart(2, '0')).join('');
    const [insert] = changeStatements(engine, ['t'], { kind: 'insert', values: [{ column: 'data', value: hex, encoding: 'hex' }, { column: 'empty', value: '', encoding: 'hex' }, { column: 'name', value: 'x' }] });
    expect(insert.params).toEqual([Uint8Array.from(all), new Uint8Array(), 'x']);
    const [remove] = changeStatements(engine, ['t'], { kind: 'delete', key: [{ column: 'k', value: 'ABCD', encoding: 'hex' }] });
    expect(remove.params).toEqual([bytes(0xab, 0xcd)]);
  });
});

describe('the table/apply change schema', () => {
  const insert = (value: string | null, encoding?: 'hex') => tableChangeSchema.safeParse({ kind: 'insert', values: [{ column: 'data', value, ...(encoding ? { encoding } : {}) }] });

  it('accepts hex digits of either case and NULL, marked hex', () => {
    expect(insert('00ffAB', 'hex').success).toBe(true);
    expect(insert('', 'hex').success).toBe(true);
    expect(insert(null, 'hex').success).toBe(true);
    expect(insert('not hex at all').success).toBe(true);
  });

  it('refuses a hex value that is not two hex digits per byte, or a prefix', () => {
    expect(insert('abc', 'hex').success).toBe(false);
    expect(insert('0x00', 'hex').success).toBe(false);
    expect(insert('\\x00', 'hex').success).toBe(false);
    expect(insert('00 ff', 'hex').success).toBe(false);
    const refused = insert('zz', 'hex');
    expect(refused.error?.issues[0]?.message).toMatch(/hex digits, two per byte/);
  });

  it('refuses an unknown encoding, and checks an original value as well as the new one', () => {
    expect(tableChangeSchema.safeParse({ kind: 'insert', values: [{ column: 'data', value: '00', encoding: 'base64' }] }).success).toBe(false);
    const update = (original: string | null) =>
      tableChangeSchema.safeParse({ kind: 'update', key: [{ column: 'id', value: '1' }], set: [{ column: 'data', value: '00', original, encoding: 'hex' }] });
    expect(update('ff').success).toBe(true);
    expect(update(null).success).toBe(true);
    expect(update('\\xff').success).toBe(false);
  });
});

const column = (name: string, extra: Partial<TableColumn> = {}): TableColumn => ({ name, dataType: 'text', nullable: true, hasDefault: false, inRowKey: false, binary: false, references: null, ...extra });

describe('pending edits of binary cells', () => {
  const typed: LoadedRows = {
    columns: [column('k', { inRowKey: true, binary: true, dataType: 'bytea' }), column('data', { binary: true, dataType: 'bytea' }), column('name')],
    keyColumns: ['k'],
    rows: [['\\x0001', '\\xff', '\\x41']],
  };

  it('sends the key, the new value and the original of a binary column as hex, and text as text', () => {
    let edits = setCell(NO_EDITS, typed, { kind: 'loaded', index: 0 }, 'data', '\\xdead');
    edits = setCell(edits, typed, { kind: 'loaded', index: 0 }, 'name', 'B');
    expect(toChanges(edits, typed)).toEqual([
      {
        kind: 'update',
        key: [{ column: 'k', value: '0001', encoding: 'hex' }],
        set: [
          { column: 'data', value: 'dead', original: 'ff', encoding: 'hex' },
          { column: 'name', value: 'B', original: '\\x41' },
        ],
      },
    ]);
    const changes = toChanges(edits, typed);
    expect(changes.every((change) => tableChangeSchema.safeParse(change).success)).toBe(true);
  });

  it('sets a binary cell to NULL and inserts a new row with bytes', () => {
    let edits = setCell(NO_EDITS, typed, { kind: 'loaded', index: 0 }, 'data', null);
    edits = addRow(edits);
    edits = setCell(edits, typed, { kind: 'new', id: 1 }, 'k', '\\x02');
    edits = setCell(edits, typed, { kind: 'new', id: 1 }, 'data', '\\x');
    expect(toChanges(edits, typed)).toEqual([
      { kind: 'update', key: [{ column: 'k', value: '0001', encoding: 'hex' }], set: [{ column: 'data', value: null, original: 'ff', encoding: 'hex' }] },
      { kind: 'insert', values: [{ column: 'k', value: '02', encoding: 'hex' }, { column: 'data', value: '', encoding: 'hex' }] },
    ]);
  });

  // SQLite: a BLOB column holding a text value, an untyped column holding a blob, and NULLs.
  const sqlite: LoadedRows = {
    columns: [column('id', { inRowKey: true, dataType: 'INTEGER' }), column('b', { binary: true, dataType: 'BLOB' }), column('any', { dataType: '' })],
    keyColumns: ['id'],
    rows: [
      ['1', 'text in a blob column', '\\x00ff'],
      ['2', null, null],
    ],
    blobCells: new Set([0 * 3 + 2]),
  };

  it('SQLite: a cell is binary when its loaded value is a blob; a NULL when the column is declared BLOB', () => {
    const cell = (index: number, columnIndex: number) => isBinaryCell(NO_EDITS, sqlite, { kind: 'loaded', index }, columnIndex);
    expect(cell(0, 1)).toBe(false);
    expect(cell(0, 2)).toBe(true);
    expect(cell(1, 1)).toBe(true);
    expect(cell(1, 2)).toBe(false);
    let edits = setCell(NO_EDITS, sqlite, { kind: 'loaded', index: 0 }, 'any', '\\x01');
    edits = setCell(edits, sqlite, { kind: 'loaded', index: 0 }, 'b', 'still text');
    expect(toChanges(edits, sqlite)).toEqual([
      {
        kind: 'update',
        key: [{ column: 'id', value: '1' }],
        set: [
          { column: 'any', value: '01', original: '00ff', encoding: 'hex' },
          { column: 'b', value: 'still text', original: 'text in a blob column' },
        ],
      },
    ]);
  });

  it('SQLite: a duplicated row keeps a copied blob as bytes even in an untyped column', () => {
    const edits = duplicateRow(NO_EDITS, sqlite, { kind: 'loaded', index: 0 });
    expect(isBinaryCell(edits, sqlite, { kind: 'new', id: 1 }, 2)).toBe(true);
    expect(toChanges(edits, sqlite)).toEqual([
      {
        kind: 'insert',
        values: [
          { column: 'id', value: '1' },
          { column: 'b', value: 'text in a blob column' },
          { column: 'any', value: '00ff', encoding: 'hex' },
        ],
      },
    ]);
  });
});

describe('SQLite pages and their blob mask', () => {
  it('ends the SELECT with one blob flag per column, and only SQLite has one', () => {
    const query = selectRowsSql('sqlite', ['t'], { columns: ['a', 'b"'], filters: [], sort: [], keyColumns: ['a'], offset: 0, limit: 5, blobMask: true });
    expect(query.sql).toBe('SELECT "a", "b""", (\'\' || (typeof("a") = \'blob\') || (typeof("b""") = \'blob\')) FROM "t" ORDER BY "a" ASC LIMIT 5 OFFSET 0');
    expect(() => selectRowsSql('postgres', ['t'], { columns: ['a'], filters: [], sort: [], keyColumns: [], offset: 0, limit: 5, blobMask: true })).toThrow(RangeError);
  });

  it('reads blob cells from the mask across batches and leaves the mask out of the page', () => {
    const first = encodeResultBatch([{ kind: 'bytes', values: [bytes(1)] }, { kind: 'text', values: ['x'] }, { kind: 'text', values: ['10'] }], 1);
    const second = encodeResultBatch(
      [
        { kind: 'text', values: [null, null] },
        { kind: 'text', values: ['\\x02', 'y'] },
        { kind: 'text', values: ['01', '00'] },
      ],
      2,
    );
    expect(blobCellsOf([first, second], 2, 3)).toEqual([[0, 0], [1, 1]]);
    expect(blobCellsOf([first, second], 2, 1)).toEqual([[0, 0]]);
    const joined = joinBatches([first, second], 2, 3);
    expect(joined.columns.map((vector) => vector.kind)).toEqual(['bytes', 'text']);
    expect(batchRows(joined)).toEqual([
      ['\\x01', 'x'],
      [null, '\\x02'],
      [null, 'y'],
    ]);
    expect(batchRows(joinBatches([first], 2, 10))).toEqual([['\\x01', 'x']]);
  });
});
