import { collateClauseSql, createSequenceSql } from './sql-fragments';

/**
 * $1: schema, $2: relation, $3: relkinds. Everything needed to rebuild a table, view or materialized
 * view: one row, the lists as JSON; no row when the relation does not exist. Identifiers, literals and
 * expressions come quoted and deparsed by the server.
 */
export const RELATION_DDL_QUERY = `
WITH rel AS (
  SELECT c.oid, c.relkind, c.relpersistence, c.reloptions, c.relrowsecurity, c.relforcerowsecurity, c.relispartition,
         c.relpartbound, c.relispopulated, format('%I.%I', n.nspname, c.relname) AS qualified_name
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind = ANY ($3::"char"[])
)
SELECT
  rel.qualified_name,
  rel.relkind::text AS relkind,
  rel.relpersistence = 'u' AS unlogged,
  array_to_string(rel.reloptions, ', ') AS options,
  rel.relrowsecurity AS row_security,
  rel.relforcerowsecurity AS force_row_security,
  rel.relispopulated AS populated,
  CASE WHEN rel.relkind = 'p' THEN pg_get_partkeydef(rel.oid) END AS partition_key,
  (SELECT format('%I.%I', pn.nspname, pc.relname)
   FROM pg_inherits inh JOIN pg_class pc ON pc.oid = inh.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
   WHERE rel.relispartition AND inh.inhrelid = rel.oid) AS partition_of,
  CASE WHEN rel.relispartition THEN pg_get_expr(rel.relpartbound, rel.oid) END AS partition_bound,
  CASE WHEN rel.relkind IN ('v', 'm') THEN pg_get_viewdef(rel.oid, true) END AS view_definition,
  quote_literal(obj_description(rel.oid, 'pg_class')) AS comment,
  (SELECT coalesce(json_agg(json_build_object(
            'name', quote_ident(a.attname),
            'type', format_type(a.atttypid, a.atttypmod),
            'collate', ${collateClauseSql('a')},
            'notNull', a.attnotnull,
            'default', pg_get_expr(d.adbin, d.adrelid),
            'identity', nullif(a.attidentity::text, ''),
            'identityOptions', (
              SELECT format('START WITH %s INCREMENT BY %s MINVALUE %s MAXVALUE %s CACHE %s%s',
                            s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' END)
              FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
              WHERE dep.refobjid = rel.oid AND dep.refobjsubid = a.attnum AND dep.deptype = 'i'
                AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass),
            'generated', nullif(a.attgenerated::text, ''),
            'comment', quote_literal(col_description(rel.oid, a.attnum))
          ) ORDER BY a.attnum), '[]')
   FROM pg_attribute a
   LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
   WHERE a.attrelid = rel.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
  (SELECT coalesce(json_agg(json_build_object('name', quote_ident(con.conname), 'definition', pg_get_constraintdef(con.oid))
            ORDER BY CASE con.contype WHEN 'p' THEN 0 WHEN 'u' THEN 1 WHEN 'c' THEN 2 WHEN 'x' THEN 3 ELSE 4 END, con.conname), '[]')
   FROM pg_constraint con
   WHERE con.conrelid = rel.oid AND con.conislocal AND con.contype IN ('p', 'u', 'c', 'x', 'f')) AS constraints,
  (SELECT coalesce(json_agg(pg_get_indexdef(i.indexrelid) || ';' ORDER BY ic.relname), '[]')
   FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
   WHERE i.indrelid = rel.oid
     AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conrelid = rel.oid AND con.conindid = i.indexrelid AND con.contype IN ('p', 'u', 'x'))
     AND NOT EXISTS (SELECT 1 FROM pg_inherits inh WHERE inh.inhrelid = i.indexrelid)) AS indexes,
  (SELECT coalesce(json_agg(pg_get_triggerdef(t.oid) || ';' ORDER BY t.tgname), '[]')
   FROM pg_trigger t WHERE t.tgrelid = rel.oid AND NOT t.tgisinternal) AS triggers,
  (SELECT coalesce(json_agg(json_build_object(
            'name', quote_ident(pol.polname),
            'permissive', pol.polpermissive,
            'command', pol.polcmd::text,
            'roles', ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'PUBLIC' ELSE quote_ident(ro.rolname) END
                           FROM unnest(pol.polroles) WITH ORDINALITY AS r(oid, ord) LEFT JOIN pg_roles ro ON ro.oid = r.oid ORDER BY r.ord),
            'using', pg_get_expr(pol.polqual, pol.polrelid),
            'check', pg_get_expr(pol.polwithcheck, pol.polrelid)
          ) ORDER BY pol.polname), '[]')
   FROM pg_policy pol WHERE pol.polrelid = rel.oid) AS policies,
  (SELECT coalesce(json_agg(json_build_object(
            'create', ${createSequenceSql('sc', 'sn', 's')},
            'ownedBy', format('ALTER SEQUENCE %I.%I OWNED BY %s.%I;', sn.nspname, sc.relname, rel.qualified_name, a.attname)
          ) ORDER BY sc.relname), '[]')
   FROM pg_depend dep
   JOIN pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
   JOIN pg_namespace sn ON sn.oid = sc.relnamespace
   JOIN pg_sequence s ON s.seqrelid = sc.oid
   JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum = dep.refobjsubid
   WHERE dep.refobjid = rel.oid AND dep.deptype = 'a'
     AND dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass) AS owned_sequences
FROM rel`;
