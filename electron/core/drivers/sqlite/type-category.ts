import type { ValueCategory } from '../../../../shared/model/query';

/**
 * How the grid presents a column, from its declared type. SQLite accepts any type name and assigns an
 * affinity by substring (sqlite.org/datatype3.html §3.1); the semantic names people use for booleans,
 * dates and JSON are checked first because they carry more meaning than their affinity.
 */
export function categoryOfDeclaredType(declaredType: string): ValueCategory {
  const type = declaredType.toUpperCase();
  if (type.includes('BOOL')) return 'boolean';
  if (type.includes('DATE') || type.includes('TIME')) return 'datetime';
  if (type.includes('JSON')) return 'json';
  if (type.includes('INT')) return 'number';
  if (type.includes('CHAR') || type.includes('CLOB') || type.includes('TEXT')) return 'text';
  if (type.includes('BLOB')) return 'binary';
  if (['REAL', 'FLOA', 'DOUB', 'NUMERIC', 'DECIMAL'].some((name) => type.includes(name))) return 'number';
  return 'text';
}
