/**
 * The catalog queries behind the tree, one per level. Every name is a bound parameter.
 * Relation kinds are passed as text arrays of pg_class.relkind letters.
 */

export const SERVER_VERSION_QUERY = 'SHOW server_version';

export const PING_QUERY = 'SELECT 1';

/** $1: process id of the backend to stop. */
export const CANCEL_BACKEND_QUERY = 'SELECT pg_cancel_backend($1)';

/** Array types read as `int4[]` rather than pg_type's `_int4`. */
export const TYPE_NAMES_QUERY = `
SELECT t.oid::text AS oid,
       CASE WHEN t.typcategory = 'A' AND e.oid IS NOT NULL THEN e.typname || '[]' ELSE t.typname END AS name
FROM pg_type t
LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'`;

/** $1: the profile's database, listed first. */
export const DATABASES_QUERY = `
SELECT datname AS name
FROM pg_database
WHERE NOT datistemplate AND datallowconn
ORDER BY datname = $1 DESC, datname`;

export const SCHEMAS_QUERY = `
SELECT nspname AS name, nspname IN ('pg_catalog', 'information_schema') AS system
FROM pg_namespace
WHERE nspname <> 'pg_toast' AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
ORDER BY system, nspname`;

/** $1: schema. No row when the schema does not exist. */
export const GROUP_COUNTS_QUERY = `
SELECT
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p'))::int AS tables,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'v')::int AS views,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'm')::int AS materialized_views,
  (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid AND p.prokind IN ('f', 'p'))::int AS functions,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'S')::int AS sequences
FROM pg_namespace n
WHERE n.nspname = $1`;

/** $1: schema, $2: relkinds. No row when the schema does not exist; one null name when it has none. */
export const RELATIONS_QUERY = `
SELECT c.relname AS name
FROM pg_namespace n
LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = ANY ($2::"char"[])
WHERE n.nspname = $1
ORDER BY c.relname`;

/**
 * $1: schema. A function's identity is its name with its arguments, since names overload.
 * No row when the schema does not exist; one null name when it has none.
 */
export const FUNCTIONS_QUERY = `
SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
       CASE WHEN p.prokind = 'p' THEN 'procedure' ELSE pg_get_function_result(p.oid) END AS result
FROM pg_namespace n
LEFT JOIN pg_proc p ON p.pronamespace = n.oid AND p.prokind IN ('f', 'p')
WHERE n.nspname = $1
ORDER BY p.proname, name`;

/** $1: schema. No row when the schema does not exist; one null name when it has none. */
export const SEQUENCES_QUERY = `
SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS data_type
FROM pg_namespace n
LEFT JOIN (pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid) ON c.relnamespace = n.oid
WHERE n.nspname = $1
ORDER BY c.relname`;

/**
 * $1: schema, $2: relation, $3: relkinds. The relation's columns, then its indexes, then its foreign
 * keys; a first 'relation' row tells an existing relation without columns from a missing one.
 */
export const RELATION_CHILDREN_QUERY = `
WITH rel AS (
  SELECT c.oid
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY ($3::"char"[])
)
SELECT 'relation' AS kind, NULL::text AS name, NULL::text AS detail, 0 AS grp, 0 AS ord FROM rel
UNION ALL
SELECT 'column', a.attname::text, format_type(a.atttypid, a.atttypmod), 1, a.attnum
FROM rel JOIN pg_attribute a ON a.attrelid = rel.oid
WHERE a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'index', ic.relname::text,
       CASE WHEN i.indisprimary THEN 'primary key' WHEN i.indisunique THEN 'unique' END, 2, 0
FROM rel JOIN pg_index i ON i.indrelid = rel.oid JOIN pg_class ic ON ic.oid = i.indexrelid
UNION ALL
SELECT 'foreign-key', con.conname::text, 'references ' || rn.nspname || '.' || rc.relname, 3, 0
FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid AND con.contype = 'f'
JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
ORDER BY grp, ord, name`;

/**
 * $1: schema, $2: relation, $3: relkinds. One row with the relation's kind and its columns, indexes and
 * foreign keys as JSON arrays; no row when the relation does not exist. Expression index columns show
 * the expression.
 */
export const TABLE_DETAIL_QUERY = `
WITH rel AS (
  SELECT c.oid, c.relkind
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY ($3::"char"[])
)
SELECT
  rel.relkind::text AS relkind,
  (SELECT coalesce(json_agg(json_build_object(
            'name', a.attname,
            'dataType', format_type(a.atttypid, a.atttypmod),
            'nullable', NOT a.attnotnull,
            'defaultValue', pg_get_expr(d.adbin, d.adrelid),
            'primaryKeyPosition', array_position(pk.conkey, a.attnum)
          ) ORDER BY a.attnum), '[]')
   FROM pg_attribute a
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   LEFT JOIN pg_constraint pk ON pk.conrelid = a.attrelid AND pk.contype = 'p'
   WHERE a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT coalesce(json_agg(json_build_object(
            'name', ic.relname,
            'columns', ARRAY(
              SELECT CASE WHEN k.attnum = 0 THEN pg_get_indexdef(i.indexrelid, k.ord::int, true) ELSE a.attname::text END
              FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
              LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.ord <= i.indnkeyatts
              ORDER BY k.ord),
            'unique', i.indisunique,
            'primary', i.indisprimary,
            'definition', pg_get_indexdef(i.indexrelid)
          ) ORDER BY ic.relname), '[]')
   FROM pg_index i
   JOIN pg_class ic ON ic.oid = i.indexrelid
   WHERE i.indrelid = rel.oid) AS indexes,
  (SELECT coalesce(json_agg(json_build_object(
            'name', con.conname,
            'columns', ARRAY(
              SELECT a.attname::text
              FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
              ORDER BY k.ord),
            'referencedSchema', rn.nspname,
            'referencedTable', rc.relname,
            'referencedColumns', ARRAY(
              SELECT a.attname::text
              FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
              ORDER BY k.ord),
            'onUpdate', con.confupdtype,
            'onDelete', con.confdeltype
          ) ORDER BY con.conname), '[]')
   FROM pg_constraint con
   JOIN pg_class rc ON rc.oid = con.confrelid
   JOIN pg_namespace rn ON rn.oid = rc.relnamespace
   WHERE con.conrelid = rel.oid AND con.contype = 'f') AS foreign_keys
FROM rel`;
