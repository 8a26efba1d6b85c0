import type { DialectWordList } from './word-list';

/** PostgreSQL: keywords beyond the common ones, built-in functions, and the reserved words that must be quoted as names. */
export const POSTGRES_WORDS: DialectWordList = {
  keywords: [
    'ANALYZE', 'ARRAY', 'ASYMMETRIC', 'BIGSERIAL', 'BOOLEAN', 'BYTEA', 'COLLATE', 'CONCURRENTLY', 'CONFLICT', 'COPY',
    'CREATE EXTENSION', 'CREATE FUNCTION', 'CREATE MATERIALIZED VIEW', 'CREATE SCHEMA', 'CREATE SEQUENCE', 'CREATE TYPE',
    'DO', 'DO NOTHING', 'DO UPDATE', 'EXCLUDED', 'FETCH', 'FILTER', 'FIRST', 'FOR UPDATE', 'GRANT', 'ILIKE', 'INTERVAL',
    'JSONB', 'LANGUAGE', 'LAST', 'LATERAL', 'MATERIALIZED', 'NOTIFY', 'NULLS FIRST', 'NULLS LAST', 'ON CONFLICT', 'ONLY',
    'OWNER TO', 'RETURNING', 'RETURNS', 'REVOKE', 'SCHEMA', 'SEQUENCE', 'SERIAL', 'SHOW', 'SIMILAR TO', 'TABLESAMPLE',
    'TEMPORARY', 'TEXT', 'TIMESTAMPTZ', 'TRUNCATE', 'UUID', 'VACUUM', 'VARCHAR', 'WITHIN GROUP',
  ],
  functions: [
    'abs', 'age', 'array_agg', 'array_append', 'array_length', 'array_position', 'array_remove', 'array_to_string', 'avg',
    'bit_length', 'bool_and', 'bool_or', 'btrim', 'cardinality', 'ceil', 'char_length', 'clock_timestamp', 'coalesce',
    'concat', 'concat_ws', 'count', 'cume_dist', 'current_setting', 'date_part', 'date_trunc', 'decode', 'dense_rank',
    'encode', 'every', 'exp', 'extract', 'first_value', 'floor', 'format', 'gen_random_uuid', 'generate_series',
    'greatest', 'initcap', 'json_agg', 'json_build_array', 'json_build_object', 'json_each', 'json_object_agg',
    'jsonb_agg', 'jsonb_array_elements', 'jsonb_build_array', 'jsonb_build_object', 'jsonb_each', 'jsonb_object_agg',
    'jsonb_set', 'jsonb_typeof', 'justify_interval', 'lag', 'last_value', 'lead', 'least', 'left', 'length', 'ln', 'log',
    'lower', 'lpad', 'ltrim', 'make_date', 'make_interval', 'make_timestamp', 'max', 'md5', 'min', 'mod', 'now',
    'nth_value', 'ntile', 'nullif', 'octet_length', 'percent_rank', 'percentile_cont', 'percentile_disc', 'pg_size_pretty',
    'pg_sleep', 'pg_total_relation_size', 'position', 'power', 'random', 'rank', 'regexp_match', 'regexp_matches',
    'regexp_replace', 'regexp_split_to_table', 'repeat', 'replace', 'reverse', 'right', 'round', 'row_number',
    'row_to_json', 'rpad', 'rtrim', 'sign', 'split_part', 'sqrt', 'starts_with', 'statement_timestamp', 'stddev',
    'string_agg', 'string_to_array', 'strpos', 'substr', 'substring', 'sum', 'to_char', 'to_date', 'to_json', 'to_jsonb',
    'to_number', 'to_timestamp', 'translate', 'trim', 'trunc', 'unnest', 'upper', 'variance',
  ],
  reserved: [
    'ALL', 'ANALYSE', 'ANALYZE', 'AND', 'ANY', 'ARRAY', 'AS', 'ASC', 'ASYMMETRIC', 'AUTHORIZATION', 'BINARY', 'BOTH', 'CASE',
    'CAST', 'CHECK', 'COLLATE', 'COLLATION', 'COLUMN', 'CONCURRENTLY', 'CONSTRAINT', 'CREATE', 'CROSS', 'CURRENT_CATALOG',
    'CURRENT_DATE', 'CURRENT_ROLE', 'CURRENT_SCHEMA', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'CURRENT_USER', 'DEFAULT',
    'DEFERRABLE', 'DESC', 'DISTINCT', 'DO', 'ELSE', 'END', 'EXCEPT', 'FALSE', 'FETCH', 'FOR', 'FOREIGN', 'FREEZE', 'FROM',
    'FULL', 'GRANT', 'GROUP', 'HAVING', 'ILIKE', 'IN', 'INITIALLY', 'INNER', 'INTERSECT', 'INTO', 'IS', 'ISNULL', 'JOIN',
    'LATERAL', 'LEADING', 'LEFT', 'LIKE', 'LIMIT', 'LOCALTIME', 'LOCALTIMESTAMP', 'NATURAL', 'NOT', 'NOTNULL', 'NULL',
    'OFFSET', 'ON', 'ONLY', 'OR', 'ORDER', 'OUTER', 'OVERLAPS', 'PLACING', 'PRIMARY', 'REFERENCES', 'RETURNING', 'RIGHT',
    'SELECT', 'SESSION_USER', 'SIMILAR', 'SOME', 'SYMMETRIC', 'SYSTEM_USER', 'TABLE', 'TABLESAMPLE', 'THEN', 'TO',
    'TRAILING', 'TRUE', 'UNION', 'UNIQUE', 'USER', 'USING', 'VARIADIC', 'VERBOSE', 'WHEN', 'WHERE', 'WINDOW', 'WITH',
  ],
};
