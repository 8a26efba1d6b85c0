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

/** The schemas (system ones last), then the database-wide groups with their counts. */
export const SCHEMAS_QUERY = `
SELECT 'schema' AS kind, nspname AS name,
       CASE WHEN nspname IN ('pg_catalog', 'information_schema') THEN 'system' END AS detail,
       CASE WHEN nspname IN ('pg_catalog', 'information_schema') THEN 1 ELSE 0 END AS grp, true AS has_children
FROM pg_namespace
WHERE nspname <> 'pg_toast' AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
UNION ALL
SELECT 'group', 'extensions', count(*)::text, 2, count(*) > 0 FROM pg_extension
UNION ALL
SELECT 'group', 'roles', count(*)::text, 3, count(*) > 0 FROM pg_roles WHERE rolname NOT LIKE 'pg\\_%'
ORDER BY grp, name`;

/** Extensions of the current database; detail: version and schema. */
export const EXTENSIONS_QUERY = `
SELECT e.extname AS name, e.extversion || ' in ' || n.nspname AS detail
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
ORDER BY e.extname`;

/** The server's roles without the predefined pg_* ones; detail: their main flags. */
export const ROLES_QUERY = `
SELECT rolname AS name,
       concat_ws(', ', CASE WHEN rolcanlogin THEN 'login' ELSE 'no login' END, CASE WHEN rolsuper THEN 'superuser' END,
                 CASE WHEN rolcreatedb THEN 'create database' END, CASE WHEN rolcreaterole THEN 'create role' END,
                 CASE WHEN rolreplication THEN 'replication' END, CASE WHEN rolbypassrls THEN 'bypass RLS' END) AS detail
FROM pg_roles
WHERE rolname NOT LIKE 'pg\\_%'
ORDER BY rolname`;

/** Types a user creates with CREATE TYPE or CREATE DOMAIN: enums, domains, ranges and standalone composites. */
const USER_TYPE_FILTER = `(t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))`;

/** Routines a user wrote, without the constructors PostgreSQL generates for range types. */
const USER_ROUTINE_FILTER = `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_proc'::regclass AND dep.objid = p.oid AND dep.deptype = 'i')`;

/** $1: schema. No row when the schema does not exist. */
export const GROUP_COUNTS_QUERY = `
SELECT
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p'))::int AS tables,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'v')::int AS views,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'm')::int AS materialized_views,
  (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid AND p.prokind IN ('f', 'w') AND ${USER_ROUTINE_FILTER})::int AS functions,
  (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid AND p.prokind = 'p' AND ${USER_ROUTINE_FILTER})::int AS procedures,
  (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relkind = 'S')::int AS sequences,
  (SELECT count(*) FROM pg_type t WHERE t.typnamespace = n.oid AND ${USER_TYPE_FILTER})::int AS types
FROM pg_namespace n
WHERE n.nspname = $1`;

/**
 * $1: schema, $2: relkinds. No row when the schema does not exist; one null name when it has none.
 * Detail: whether row-level security is on.
 */
export const RELATIONS_QUERY = `
SELECT c.relname AS name,
       CASE WHEN c.relforcerowsecurity THEN 'RLS forced' WHEN c.relrowsecurity THEN 'RLS enabled' END AS detail
FROM pg_namespace n
LEFT JOIN pg_class c ON c.relnamespace = n.oid AND c.relkind = ANY ($2::"char"[])
WHERE n.nspname = $1
ORDER BY c.relname`;

/** A routine's identity in the tree: its name with its arguments, since names overload. */
export const ROUTINE_IDENTITY = `p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'`;

/**
 * $1: schema, $2: prokinds. No row when the schema does not exist; one null name when it has none.
 * Detail: a function's result type, a procedure's language.
 */
export const ROUTINES_QUERY = `
SELECT ${ROUTINE_IDENTITY} AS name,
       CASE WHEN p.prokind = 'p' THEN (SELECT l.lanname FROM pg_language l WHERE l.oid = p.prolang)
            ELSE pg_get_function_result(p.oid) END AS detail
FROM pg_namespace n
LEFT JOIN pg_proc p ON p.pronamespace = n.oid AND p.prokind = ANY ($2::"char"[]) AND ${USER_ROUTINE_FILTER}
WHERE n.nspname = $1
ORDER BY p.proname, name`;

/** $1: schema. No row when the schema does not exist; one null name when it has none. */
export const SEQUENCES_QUERY = `
SELECT c.relname AS name, format_type(s.seqtypid, NULL) AS detail
FROM pg_namespace n
LEFT JOIN (pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid) ON c.relnamespace = n.oid
WHERE n.nspname = $1
ORDER BY c.relname`;

/** $1: schema. No row when the schema does not exist; one null name when it has none. */
export const TYPES_QUERY = `
SELECT t.typname AS name,
       CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'c' THEN 'composite' WHEN 'r' THEN 'range'
                      ELSE 'domain over ' || format_type(t.typbasetype, t.typtypmod) END AS detail
FROM pg_namespace n
LEFT JOIN pg_type t ON t.typnamespace = n.oid AND ${USER_TYPE_FILTER}
WHERE n.nspname = $1
ORDER BY t.typname`;

/** $1: schema, $2: relation, $3: relkinds. The relation's oid and kind, as a CTE named rel. */
const REL_CTE = `
WITH rel AS (
  SELECT c.oid, c.relkind, c.relrowsecurity
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY ($3::"char"[])
)`;

/** pg_trigger.tgtype bits as "BEFORE INSERT OR UPDATE FOR EACH ROW". */
const TRIGGER_EVENTS = `concat_ws(' ',
  CASE WHEN t.tgtype::int & 2 <> 0 THEN 'BEFORE' WHEN t.tgtype::int & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END,
  array_to_string(array_remove(ARRAY[
    CASE WHEN t.tgtype::int & 4 <> 0 THEN 'INSERT' END, CASE WHEN t.tgtype::int & 16 <> 0 THEN 'UPDATE' END,
    CASE WHEN t.tgtype::int & 8 <> 0 THEN 'DELETE' END, CASE WHEN t.tgtype::int & 32 <> 0 THEN 'TRUNCATE' END], NULL), ' OR '),
  CASE WHEN t.tgtype::int & 1 <> 0 THEN 'FOR EACH ROW' ELSE 'FOR EACH STATEMENT' END,
  CASE WHEN t.tgenabled = 'D' THEN '(disabled)' END)`;

/** pg_policy as "RESTRICTIVE FOR SELECT TO alice, PUBLIC", noting when the table's RLS is off. */
const POLICY_SUMMARY = `concat_ws(' ',
  CASE WHEN NOT pol.polpermissive THEN 'RESTRICTIVE' END,
  'FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END,
  'TO ' || (SELECT string_agg(CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE quote_ident(ro.rolname) END, ', ')
            FROM unnest(pol.polroles) AS r(oid) LEFT JOIN pg_roles ro ON ro.oid = r.oid),
  CASE WHEN NOT rel.relrowsecurity THEN '(row-level security is disabled on the table)' END)`;

/**
 * $1: schema, $2: relation, $3: relkinds. The relation's columns (detail: type, key marks, NOT NULL,
 * default, comment), indexes, outgoing foreign keys, other constraints, triggers and policies, and for
 * tables the group of foreign keys pointing at it; a first 'relation' row tells an existing relation
 * without columns from a missing one.
 */
export const RELATION_CHILDREN_QUERY = `${REL_CTE}
SELECT 'relation' AS kind, NULL::text AS name, NULL::text AS detail, 0 AS grp, 0 AS ord FROM rel
UNION ALL
SELECT 'column', a.attname::text,
       concat_ws(' ', format_type(a.atttypid, a.atttypmod),
         CASE WHEN pk.conkey IS NOT NULL THEN 'PK' END,
         CASE WHEN EXISTS (SELECT 1 FROM pg_constraint u WHERE u.conrelid = rel.oid AND u.contype = 'u' AND u.conkey = ARRAY[a.attnum]) THEN 'UNIQUE' END,
         CASE WHEN EXISTS (SELECT 1 FROM pg_constraint f WHERE f.conrelid = rel.oid AND f.contype = 'f' AND a.attnum = ANY (f.conkey)) THEN 'FK' END,
         CASE WHEN a.attnotnull AND pk.conkey IS NULL THEN 'NOT NULL' END,
         CASE a.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END,
         CASE WHEN a.attgenerated = 's' THEN 'GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'
              ELSE 'DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) END)
       || coalesce(' — ' || col_description(rel.oid, a.attnum), ''),
       1, a.attnum
FROM rel
JOIN pg_attribute a ON a.attrelid = rel.oid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
LEFT JOIN pg_constraint pk ON pk.conrelid = rel.oid AND pk.contype = 'p' AND a.attnum = ANY (pk.conkey)
WHERE a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'index', ic.relname::text,
       CASE WHEN i.indisprimary THEN 'primary key' WHEN i.indisunique THEN 'unique' END, 2, 0
FROM rel JOIN pg_index i ON i.indrelid = rel.oid JOIN pg_class ic ON ic.oid = i.indexrelid
UNION ALL
SELECT 'foreign-key', con.conname::text, 'references ' || rn.nspname || '.' || rc.relname, 3, 0
FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid AND con.contype = 'f'
JOIN pg_class rc ON rc.oid = con.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace
UNION ALL
SELECT 'constraint', con.conname::text, pg_get_constraintdef(con.oid, true), 4, 0
FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid AND con.contype IN ('p', 'u', 'c', 'x')
UNION ALL
SELECT 'trigger', t.tgname::text, ${TRIGGER_EVENTS}, 5, 0
FROM rel JOIN pg_trigger t ON t.tgrelid = rel.oid AND NOT t.tgisinternal
UNION ALL
SELECT 'policy', pol.polname::text, ${POLICY_SUMMARY}, 6, 0
FROM rel JOIN pg_policy pol ON pol.polrelid = rel.oid
UNION ALL
SELECT 'group', 'referenced-by',
       (SELECT count(*) FROM pg_constraint con WHERE con.confrelid = rel.oid AND con.contype = 'f' AND con.conparentid = 0)::text, 7, 0
FROM rel WHERE rel.relkind IN ('r', 'p')
ORDER BY grp, ord, name`;

/**
 * The name of a foreign key pointing at a table, as the referenced-by group lists it: the referencing
 * table and the constraint, quoted where PostgreSQL needs it (pg_constraint alias con, source table sc in sn).
 */
export const INCOMING_KEY_NAME = `format('%I.%I.%I', sn.nspname, sc.relname, con.conname)`;

/** $1: schema, $2: table, $3: relkinds. The foreign keys pointing at the table; detail: their columns. */
export const REFERENCED_BY_QUERY = `${REL_CTE}
SELECT 'relation' AS kind, NULL::text AS name, NULL::text AS detail, 0 AS grp FROM rel
UNION ALL
SELECT 'foreign-key', ${INCOMING_KEY_NAME},
       '(' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)
               FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) || ')', 1
FROM rel
JOIN pg_constraint con ON con.confrelid = rel.oid AND con.contype = 'f' AND con.conparentid = 0
JOIN pg_class sc ON sc.oid = con.conrelid
JOIN pg_namespace sn ON sn.oid = sc.relnamespace
ORDER BY grp, name`;

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
            'primaryKeyPosition', array_position(pk.conkey, a.attnum),
            'comment', col_description(a.attrelid, a.attnum)
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
