import type { DialectWordList } from './word-list';

/**
 * Standard SQL, for a tab without a connection: no keywords beyond the common ones, the functions
 * PostgreSQL, MySQL and SQLite all have, and the standard's reserved words.
 */
export const GENERIC_WORDS: DialectWordList = {
  keywords: [],
  functions: [
    'abs', 'avg', 'coalesce', 'concat', 'count', 'cume_dist', 'dense_rank', 'first_value', 'lag', 'last_value', 'lead',
    'length', 'lower', 'ltrim', 'max', 'min', 'nth_value', 'ntile', 'nullif', 'percent_rank', 'rank', 'replace', 'round',
    'row_number', 'rtrim', 'sum', 'trim', 'upper',
  ],
  reserved: [
    'ALL', 'ALTER', 'AND', 'ANY', 'AS', 'BETWEEN', 'BY', 'CASE', 'CAST', 'CHECK', 'COLUMN', 'CONSTRAINT', 'CREATE', 'CROSS',
    'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'DEFAULT', 'DELETE', 'DISTINCT', 'DROP', 'ELSE',
    'END', 'EXCEPT', 'EXISTS', 'FALSE', 'FETCH', 'FOR', 'FOREIGN', 'FROM', 'FULL', 'GRANT', 'GROUP', 'HAVING', 'IN', 'INNER',
    'INSERT', 'INTERSECT', 'INTO', 'IS', 'JOIN', 'LEFT', 'LIKE', 'NATURAL', 'NOT', 'NULL', 'ON', 'OR', 'ORDER', 'OUTER',
    'PRIMARY', 'REFERENCES', 'RIGHT', 'SELECT', 'SET', 'TABLE', 'THEN', 'TO', 'TRUE', 'UNION', 'UNIQUE', 'UPDATE', 'USER',
    'USING', 'VALUES', 'WHEN', 'WHERE', 'WITH',
  ],
};
