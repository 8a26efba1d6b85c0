/** SQL expressions shared by the DDL queries. Every identifier is quoted by the server (format %I, quote_ident). */

/** CREATE SEQUENCE with all its parameters, for pg_class `c`, pg_namespace `n` and pg_sequence `s`. */
export function createSequenceSql(c: string, n: string, s: string): string {
  return `format(E'CREATE SEQUENCE %I.%I\\n  AS %s\\n  START WITH %s\\n  INCREMENT BY %s\\n  MINVALUE %s\\n  MAXVALUE %s\\n  CACHE %s\\n  %sCYCLE;',
    ${n}.nspname, ${c}.relname, format_type(${s}.seqtypid, NULL), ${s}.seqstart, ${s}.seqincrement, ${s}.seqmin, ${s}.seqmax, ${s}.seqcache,
    CASE WHEN ${s}.seqcycle THEN '' ELSE 'NO ' END)`;
}

/** " COLLATE schema.name" when the column's collation is not its type's default, else ''. Needs pg_attribute `a`. */
export function collateClauseSql(a: string): string {
  return `coalesce((SELECT format(' COLLATE %I.%I', cn.nspname, co.collname)
    FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
    WHERE co.oid = ${a}.attcollation AND ${a}.attcollation <> (SELECT ty.typcollation FROM pg_type ty WHERE ty.oid = ${a}.atttypid)), '')`;
}

/** "COMMENT ON <what> <name> IS '…';" or NULL when there is no comment. */
export function commentSql(what: string, quotedName: string, description: string): string {
  return `CASE WHEN ${description} IS NOT NULL THEN format('COMMENT ON ${what} %s IS %s;', ${quotedName}, quote_literal(${description})) END`;
}
