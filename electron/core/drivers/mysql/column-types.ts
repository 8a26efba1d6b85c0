import type { FieldPacket } from 'mysql2';
import type { ColumnMeta, ValueCategory } from '../../../../shared/model/query';

/** How a column's values travel in a ResultBatch. */
export type CellKind = 'int32' | 'text' | 'bytes';

export interface ColumnPlan {
  kind: CellKind;
  /** MySQL's JSON type arrives with the binary character set although it is UTF-8 text. */
  utf8Json: boolean;
  /** BIT arrives as big-endian bytes and is read as the unsigned number they spell, as MySQL's tools show it. */
  bitNumber?: boolean;
  meta: ColumnMeta;
}

/** Column types of the client/server protocol (include/mysql_com.h, enum_field_types). */
const T = {
  DECIMAL: 0,
  TINY: 1,
  SHORT: 2,
  LONG: 3,
  FLOAT: 4,
  DOUBLE: 5,
  NULL: 6,
  TIMESTAMP: 7,
  LONGLONG: 8,
  INT24: 9,
  DATE: 10,
  TIME: 11,
  DATETIME: 12,
  YEAR: 13,
  NEWDATE: 14,
  VARCHAR: 15,
  BIT: 16,
  VECTOR: 242,
  JSON: 245,
  NEWDECIMAL: 246,
  ENUM: 247,
  SET: 248,
  TINY_BLOB: 249,
  MEDIUM_BLOB: 250,
  LONG_BLOB: 251,
  BLOB: 252,
  VAR_STRING: 253,
  STRING: 254,
  GEOMETRY: 255,
} as const;

const FLAG = { UNSIGNED: 32, ZEROFILL: 64, ENUM: 256, SET: 2048 } as const;
const BINARY_CHARSET = 63;

const SIMPLE_NAMES: Readonly<Record<number, string>> = {
  [T.DECIMAL]: 'decimal',
  [T.NEWDECIMAL]: 'decimal',
  [T.TINY]: 'tinyint',
  [T.SHORT]: 'smallint',
  [T.INT24]: 'mediumint',
  [T.LONG]: 'int',
  [T.LONGLONG]: 'bigint',
  [T.FLOAT]: 'float',
  [T.DOUBLE]: 'double',
  [T.NULL]: 'null',
  [T.TIMESTAMP]: 'timestamp',
  [T.DATE]: 'date',
  [T.NEWDATE]: 'date',
  [T.TIME]: 'time',
  [T.DATETIME]: 'datetime',
  [T.YEAR]: 'year',
  [T.BIT]: 'bit',
  [T.VECTOR]: 'vector',
  [T.JSON]: 'json',
  [T.ENUM]: 'enum',
  [T.SET]: 'set',
  [T.GEOMETRY]: 'geometry',
};

const INTEGER_TYPES = new Set<number>([T.TINY, T.SHORT, T.INT24, T.LONG, T.LONGLONG]);
const NUMBER_TYPES = new Set<number>([...INTEGER_TYPES, T.DECIMAL, T.NEWDECIMAL, T.FLOAT, T.DOUBLE]);
const DATETIME_TYPES = new Set<number>([T.TIMESTAMP, T.DATE, T.NEWDATE, T.TIME, T.DATETIME, T.YEAR]);
const BLOB_TYPES = new Set<number>([T.TINY_BLOB, T.MEDIUM_BLOB, T.LONG_BLOB, T.BLOB]);
/** Types whose values are raw bytes when their character set is binary. */
const STRING_TYPES = new Set<number>([...BLOB_TYPES, T.VARCHAR, T.VAR_STRING, T.STRING]);

/**
 * How one result column is read and shown. Integers that always fit 32 bits travel as int32; every
 * other number keeps the server's exact digits as text (unsigned INT, BIGINT, DECIMAL, FLOAT, DOUBLE),
 * BIT as the digits of its unsigned number; binary strings and GEOMETRY (WKB) travel as bytes;
 * everything else is the server's text.
 */
export function planColumn(field: FieldPacket): ColumnPlan {
  const type = field.columnType ?? 0;
  const flags = typeof field.flags === 'number' ? field.flags : 0;
  const binary = field.characterSet === BINARY_CHARSET;
  const dataType = typeName(field, type, flags, binary);
  const meta: ColumnMeta = { name: field.name, dataType, category: categoryOf(type, dataType, binary) };
  const plan: ColumnPlan = { kind: kindOf(type, flags, binary), utf8Json: type === T.JSON, meta };
  if (type === T.BIT) plan.bitNumber = true;
  return plan;
}

function kindOf(type: number, flags: number, binary: boolean): CellKind {
  // ZEROFILL columns keep their padding ('00042'), which a number would lose.
  const plainInteger = (flags & FLAG.ZEROFILL) === 0;
  if (plainInteger && (type === T.TINY || type === T.SHORT || type === T.INT24)) return 'int32';
  if (plainInteger && type === T.LONG && (flags & FLAG.UNSIGNED) === 0) return 'int32';
  if (type === T.GEOMETRY) return 'bytes';
  if (binary && STRING_TYPES.has(type)) return 'bytes';
  return 'text';
}

function typeName(field: FieldPacket, type: number, flags: number, binary: boolean): string {
  // MariaDB's extended metadata names its own types (uuid, inet6, point) and JSON, which is a LONGTEXT.
  if (field.extendedTypeName) return field.extendedTypeName;
  if (field.extendedFormat === 'json') return 'json';
  if (type === T.STRING && (flags & FLAG.ENUM) !== 0) return 'enum';
  if (type === T.STRING && (flags & FLAG.SET) !== 0) return 'set';
  if (type === T.STRING) return binary ? 'binary' : 'char';
  if (type === T.VARCHAR || type === T.VAR_STRING) return binary ? 'varbinary' : 'varchar';
  if (BLOB_TYPES.has(type)) return blobName(field.columnLength ?? 0, binary);
  const name = SIMPLE_NAMES[type] ?? 'unknown';
  if (!NUMBER_TYPES.has(type)) return name;
  const unsigned = (flags & FLAG.UNSIGNED) !== 0 ? ' unsigned' : '';
  const zerofill = (flags & FLAG.ZEROFILL) !== 0 ? ' zerofill' : '';
  return name + unsigned + zerofill;
}

/**
 * Every BLOB and TEXT column arrives as one protocol type; its maximum length (in bytes, up to four per
 * character for text) tells TINY, plain, MEDIUM and LONG apart.
 */
function blobName(length: number, binary: boolean): string {
  const bytesPerChar = binary ? 1 : 4;
  const size = length <= 255 * bytesPerChar ? 'tiny' : length <= 65_535 * bytesPerChar ? '' : length <= 16_777_215 * bytesPerChar ? 'medium' : 'long';
  return size + (binary ? 'blob' : 'text');
}

function categoryOf(type: number, dataType: string, binary: boolean): ValueCategory {
  if (dataType === 'json') return 'json';
  if (NUMBER_TYPES.has(type) || type === T.BIT) return 'number';
  if (DATETIME_TYPES.has(type)) return 'datetime';
  if (type === T.GEOMETRY || (binary && STRING_TYPES.has(type))) return 'binary';
  return 'text';
}
