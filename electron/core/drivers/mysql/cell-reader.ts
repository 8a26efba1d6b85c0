import type { TypeCastField, TypeCastNext } from 'mysql2';
import type { CellKind, ColumnPlan } from './column-types';

/** A value as a batch column takes it: a number for int32, the server's text, or raw bytes. */
export type CellValue = number | string | Uint8Array | null;

type Read = (field: TypeCastField, next: TypeCastNext) => CellValue;

const READ_BY_KIND: Readonly<Record<CellKind, Read>> = {
  int32: (_field, next) => next() as number | null,
  text: (field) => field.string(),
  bytes: (field) => field.buffer(),
};
const readUtf8Json: Read = (field) => field.string('utf8');

/** A BIT value's big-endian bytes as the decimal digits of the unsigned number they spell (up to 64 bits). */
export function bitDigits(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value.toString();
}

const readBitNumber: Read = (field) => {
  const bytes = field.buffer();
  return bytes === null ? null : bitDigits(bytes);
};

/** Where a field object keeps the reader of its column, once paired with it. */
const READER = Symbol('strata.mysql.reader');
type PairedField = TypeCastField & { [READER]?: Read };

/**
 * mysql2's per-query typeCast, reading each value once in its final form: the text protocol's own
 * digits and dates, bytes for binary columns. mysql2 hands typeCast one field object per column that
 * says nothing of the character set, so columns are told apart by order: the row parser reads the
 * columns of the first row in order, which pairs the n-th new field object with the n-th column plan.
 */
export class CellReader {
  private plans: readonly ColumnPlan[] = [];
  private paired = 0;

  readonly typeCast = (field: PairedField, next: TypeCastNext): CellValue => {
    let read = field[READER];
    if (read === undefined) {
      const plan = this.plans[this.paired++];
      read = plan === undefined ? READ_BY_KIND.text : plan.utf8Json ? readUtf8Json : plan.bitNumber ? readBitNumber : READ_BY_KIND[plan.kind];
      field[READER] = read;
    }
    return read(field, next);
  };

  /** The columns of the next result set; a result set gets new field objects. */
  startResultSet(plans: readonly ColumnPlan[]): void {
    this.plans = plans;
    this.paired = 0;
  }
}
