import type { DialectWordList } from './word-list';

/**
 * SQLite: keywords beyond the common ones, built-in functions, and the keywords it does not accept as
 * bare names (its parser lets the others fall back to identifiers).
 */
export const SQLITE_WORDS: DialectWordList = {
  keywords: [
    'ATTACH', 'AUTOINCREMENT', 'BEGIN TRANSACTION', 'CONFLICT', 'CREATE TRIGGER', 'CREATE VIRTUAL TABLE', 'DETACH',
    'EXCLUSIVE', 'FILTER', 'GLOB', 'IMMEDIATE', 'INDEXED BY', 'INSERT OR IGNORE', 'INSERT OR REPLACE', 'INTEGER', 'NULLS FIRST',
    'NULLS LAST', 'ON CONFLICT', 'PRAGMA', 'RAISE', 'REAL', 'REGEXP', 'REINDEX', 'RELEASE', 'REPLACE', 'RETURNING',
    'ROWID', 'SAVEPOINT', 'STRICT', 'TEMP', 'TEXT', 'VACUUM', 'WITHOUT ROWID',
  ],
  functions: [
    'abs', 'avg', 'changes', 'char', 'coalesce', 'concat', 'concat_ws', 'count', 'cume_dist', 'date', 'datetime',
    'dense_rank', 'first_value', 'format', 'glob', 'group_concat', 'hex', 'ifnull', 'iif', 'instr', 'json',
    'json_array', 'json_array_length', 'json_each', 'json_extract', 'json_group_array', 'json_group_object',
    'json_insert', 'json_object', 'json_remove', 'json_replace', 'json_set', 'json_tree', 'json_type', 'json_valid',
    'julianday', 'lag', 'last_insert_rowid', 'last_value', 'lead', 'length', 'like', 'likelihood', 'lower', 'ltrim',
    'max', 'min', 'nth_value', 'ntile', 'nullif', 'percent_rank', 'printf', 'quote', 'random', 'randomblob', 'rank',
    'replace', 'round', 'row_number', 'rtrim', 'sign', 'sqlite_version', 'strftime', 'string_agg', 'substr', 'substring',
    'sum', 'time', 'timediff', 'total', 'total_changes', 'trim', 'typeof', 'unhex', 'unicode', 'unixepoch', 'upper',
    'zeroblob',
  ],
  reserved: [
    'ADD', 'ALL', 'ALTER', 'AND', 'AS', 'AUTOINCREMENT', 'BETWEEN', 'CASE', 'CHECK', 'COLLATE', 'COMMIT', 'CONSTRAINT',
    'CREATE', 'CROSS', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'DEFAULT', 'DEFERRABLE', 'DELETE', 'DISTINCT',
    'DROP', 'ELSE', 'ESCAPE', 'EXCEPT', 'EXISTS', 'FILTER', 'FOREIGN', 'FROM', 'FULL', 'GLOB', 'GROUP', 'HAVING', 'IN',
    'INDEX', 'INDEXED', 'INNER', 'INSERT', 'INTERSECT', 'INTO', 'IS', 'ISNULL', 'JOIN', 'LEFT', 'LIKE', 'LIMIT', 'NATURAL',
    'NOT', 'NOTHING', 'NOTNULL', 'NULL', 'ON', 'OR', 'ORDER', 'OUTER', 'OVER', 'PRIMARY', 'REFERENCES', 'REGEXP',
    'RETURNING', 'RIGHT', 'SELECT', 'SET', 'TABLE', 'THEN', 'TO', 'TRANSACTION', 'UNION', 'UNIQUE', 'UPDATE', 'USING',
    'VALUES', 'WHEN', 'WHERE', 'WINDOW',
  ],
};
