import { INCOMING_KEY_NAME, ROUTINE_IDENTITY } from '../catalog-queries';
import { commentSql, createSequenceSql } from './sql-fragments';

/**
 * One query per kind of object, each answering one row with its statement in `ddl`, or no row when the
 * object does not exist. Names are bound parameters; the server quotes them in the output.
 */

/** The statement followed by its COMMENT, when there is one. */
const withComment = (ddl: string, comment: string) => `${ddl} || coalesce(E'\\n\\n' || ${comment}, '')`;

/** $1: schema, $2: relation, $3: relkinds. */
const REL_CTE = `
WITH rel AS (
  SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS qualified_name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY ($3::"char"[])
)`;

/** $1: database. */
export const DATABASE_DDL_QUERY = `
SELECT ${withComment(
  `format('CREATE DATABASE %I\n  WITH OWNER = %I\n  TEMPLATE = template0\n  ENCODING = %L\n  LC_COLLATE = %L\n  LC_CTYPE = %L;',
          d.datname, pg_get_userbyid(d.datdba), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype)`,
  commentSql('DATABASE', `quote_ident(d.datname)`, `shobj_description(d.oid, 'pg_database')`),
)} AS ddl
FROM pg_database d WHERE d.datname = $1`;

/** $1: schema. */
export const SCHEMA_DDL_QUERY = `
SELECT ${withComment(
  `format('CREATE SCHEMA %I AUTHORIZATION %I;', n.nspname, pg_get_userbyid(n.nspowner))`,
  commentSql('SCHEMA', `quote_ident(n.nspname)`, `obj_description(n.oid, 'pg_namespace')`),
)} AS ddl
FROM pg_namespace n WHERE n.nspname = $1`;

/** $1: extension. */
export const EXTENSION_DDL_QUERY = `
SELECT format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I VERSION %L;', e.extname, n.nspname, e.extversion) AS ddl
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = $1`;

/** $1: role. Never its password. */
export const ROLE_DDL_QUERY = `
SELECT format('CREATE ROLE %I WITH %s %s %s %s %s %s %s CONNECTION LIMIT %s%s;', r.rolname,
         CASE WHEN r.rolsuper THEN 'SUPERUSER' ELSE 'NOSUPERUSER' END,
         CASE WHEN r.rolinherit THEN 'INHERIT' ELSE 'NOINHERIT' END,
         CASE WHEN r.rolcreaterole THEN 'CREATEROLE' ELSE 'NOCREATEROLE' END,
         CASE WHEN r.rolcreatedb THEN 'CREATEDB' ELSE 'NOCREATEDB' END,
         CASE WHEN r.rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,
         CASE WHEN r.rolreplication THEN 'REPLICATION' ELSE 'NOREPLICATION' END,
         CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' ELSE 'NOBYPASSRLS' END,
         r.rolconnlimit,
         CASE WHEN r.rolvaliduntil IS NOT NULL THEN format(' VALID UNTIL %L', r.rolvaliduntil) END)
       || coalesce(E'\\n' || (SELECT string_agg(format('GRANT %I TO %I;', g.rolname, r.rolname), E'\\n' ORDER BY g.rolname)
                              FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid), '') AS ddl
FROM pg_roles r WHERE r.rolname = $1`;

/** $1: schema, $2: name with arguments as the tree shows it, $3: prokinds. */
export const ROUTINE_DDL_QUERY = `
SELECT ${withComment(
  `rtrim(pg_get_functiondef(p.oid), E'\\n') || ';'`,
  commentSql(
    `%s`,
    `CASE WHEN p.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))`,
    `obj_description(p.oid, 'pg_proc')`,
  ),
)} AS ddl
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = $1 AND ${ROUTINE_IDENTITY} = $2 AND p.prokind = ANY ($3::"char"[])`;

/** $1: schema, $2: sequence. The owning column, if any: OWNED BY for serial columns, a note for identity columns. */
export const SEQUENCE_DDL_QUERY = `
SELECT ${createSequenceSql('c', 'n', 's')} AS ddl,
       (SELECT CASE dep.deptype
                 WHEN 'a' THEN format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I;', n.nspname, c.relname, tn.nspname, tc.relname, a.attname)
                 ELSE format('-- This sequence belongs to the identity column %I.%I.%I and is created with it.', tn.nspname, tc.relname, a.attname)
               END
        FROM pg_depend dep
        JOIN pg_class tc ON tc.oid = dep.refobjid
        JOIN pg_namespace tn ON tn.oid = tc.relnamespace
        JOIN pg_attribute a ON a.attrelid = tc.oid AND a.attnum = dep.refobjsubid
        WHERE dep.objid = c.oid AND dep.deptype IN ('a', 'i')
          AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass) AS owner
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_sequence s ON s.seqrelid = c.oid
WHERE n.nspname = $1 AND c.relname = $2`;

/** $1: schema, $2: type. Enums, composites, ranges and domains. */
export const TYPE_DDL_QUERY = `
SELECT ${withComment(
  `CASE t.typtype
     WHEN 'e' THEN format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname,
       (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid))
     WHEN 'c' THEN format(E'CREATE TYPE %I.%I AS (\\n%s\\n);', n.nspname, t.typname,
       (SELECT string_agg(format('  %I %s', a.attname, format_type(a.atttypid, a.atttypmod)), E',\\n' ORDER BY a.attnum)
        FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped))
     WHEN 'r' THEN format('CREATE TYPE %I.%I AS RANGE (SUBTYPE = %s%s);', n.nspname, t.typname, format_type(r.rngsubtype, NULL),
       CASE WHEN r.rngsubdiff <> 0 THEN ', SUBTYPE_DIFF = ' || r.rngsubdiff::regproc::text END)
     ELSE format('CREATE DOMAIN %I.%I AS %s%s%s%s;', n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),
       CASE WHEN t.typdefault IS NOT NULL THEN ' DEFAULT ' || t.typdefault END,
       CASE WHEN t.typnotnull THEN ' NOT NULL' END,
       (SELECT string_agg(format(E'\\n  CONSTRAINT %I %s', con.conname, pg_get_constraintdef(con.oid)), '' ORDER BY con.conname)
        FROM pg_constraint con WHERE con.contypid = t.oid))
   END`,
  commentSql(`%s`, `CASE WHEN t.typtype = 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', n.nspname, t.typname)`, `obj_description(t.oid, 'pg_type')`),
)} AS ddl
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_range r ON r.rngtypid = t.oid
WHERE n.nspname = $1 AND t.typname = $2
  AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class tc WHERE tc.oid = t.typrelid AND tc.relkind = 'c')))`;

/** $1: schema, $2: relation, $3: relkinds, $4: index. */
export const INDEX_DDL_QUERY = `${REL_CTE}
SELECT ${withComment(
  `pg_get_indexdef(i.indexrelid) || ';'`,
  commentSql('INDEX', `format('%I.%I', ns.nspname, ic.relname)`, `obj_description(ic.oid, 'pg_class')`),
)} AS ddl
FROM rel
JOIN pg_index i ON i.indrelid = rel.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace ns ON ns.oid = ic.relnamespace
WHERE ic.relname = $4`;

/** $1: schema, $2: relation, $3: relkinds, $4: constraint, $5: contypes. */
export const CONSTRAINT_DDL_QUERY = `${REL_CTE}
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', rel.qualified_name, con.conname, pg_get_constraintdef(con.oid)) AS ddl
FROM rel JOIN pg_constraint con ON con.conrelid = rel.oid
WHERE con.conname = $4 AND con.contype = ANY ($5::"char"[])`;

/** $1: schema, $2: referenced table, $3: relkinds, $4: the key's name as the referenced-by group lists it. */
export const INCOMING_KEY_DDL_QUERY = `${REL_CTE}
SELECT format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', sn.nspname, sc.relname, con.conname, pg_get_constraintdef(con.oid)) AS ddl
FROM rel
JOIN pg_constraint con ON con.confrelid = rel.oid AND con.contype = 'f'
JOIN pg_class sc ON sc.oid = con.conrelid
JOIN pg_namespace sn ON sn.oid = sc.relnamespace
WHERE ${INCOMING_KEY_NAME} = $4`;

/** $1: schema, $2: relation, $3: relkinds, $4: trigger. */
export const TRIGGER_DDL_QUERY = `${REL_CTE}
SELECT ${withComment(
  `pg_get_triggerdef(t.oid) || ';'`,
  commentSql('TRIGGER', `format('%I ON %s', t.tgname, rel.qualified_name)`, `obj_description(t.oid, 'pg_trigger')`),
)} AS ddl
FROM rel JOIN pg_trigger t ON t.tgrelid = rel.oid AND NOT t.tgisinternal
WHERE t.tgname = $4`;
