import type { ValueCategory } from '../../../../shared/model/query';

/** Names of the built-in types, used until (or when) the server's own pg_type cannot be read. */
export const BUILTIN_TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [16, 'bool'],
  [17, 'bytea'],
  [18, 'char'],
  [19, 'name'],
  [20, 'int8'],
  [21, 'int2'],
  [23, 'int4'],
  [24, 'regproc'],
  [25, 'text'],
  [26, 'oid'],
  [114, 'json'],
  [142, 'xml'],
  [199, 'json[]'],
  [650, 'cidr'],
  [700, 'float4'],
  [701, 'float8'],
  [705, 'unknown'],
  [790, 'money'],
  [829, 'macaddr'],
  [869, 'inet'],
  [1000, 'bool[]'],
  [1001, 'bytea[]'],
  [1005, 'int2[]'],
  [1007, 'int4[]'],
  [1009, 'text[]'],
  [1014, 'bpchar[]'],
  [1015, 'varchar[]'],
  [1016, 'int8[]'],
  [1021, 'float4[]'],
  [1022, 'float8[]'],
  [1041, 'inet[]'],
  [1042, 'bpchar'],
  [1043, 'varchar'],
  [1082, 'date'],
  [1083, 'time'],
  [1114, 'timestamp'],
  [1115, 'timestamp[]'],
  [1182, 'date[]'],
  [1184, 'timestamptz'],
  [1185, 'timestamptz[]'],
  [1186, 'interval'],
  [1231, 'numeric[]'],
  [1266, 'timetz'],
  [1560, 'bit'],
  [1562, 'varbit'],
  [1700, 'numeric'],
  [2205, 'regclass'],
  [2206, 'regtype'],
  [2249, 'record'],
  [2275, 'cstring'],
  [2278, 'void'],
  [2950, 'uuid'],
  [2951, 'uuid[]'],
  [3220, 'pg_lsn'],
  [3614, 'tsvector'],
  [3615, 'tsquery'],
  [3802, 'jsonb'],
  [3807, 'jsonb[]'],
  [4072, 'jsonpath'],
  [5069, 'xid8'],
]);

const CATEGORY_BY_TYPE_NAME: ReadonlyMap<string, ValueCategory> = new Map<string, ValueCategory>([
  ...['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid'].map((name) => [name, 'number'] as const),
  ['bool', 'boolean'],
  ...['date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval'].map((name) => [name, 'datetime'] as const),
  ['bytea', 'binary'],
  ['json', 'json'],
  ['jsonb', 'json'],
]);

export function typeCategory(typeName: string): ValueCategory {
  return CATEGORY_BY_TYPE_NAME.get(typeName) ?? 'text';
}

export function unknownTypeName(oid: number): string {
  return `oid ${oid}`;
}
