/** The catalog queries behind the SQLite tree. Every name is a bound parameter. */

const NOT_INTERNAL = `name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

export const COUNT_BY_TYPE = `SELECT type, count(*) AS count FROM sqlite_schema WHERE ${NOT_INTERNAL} GROUP BY type`;

export const OBJECTS_OF_TYPE = `SELECT name, tbl_name AS owner FROM sqlite_schema WHERE type = ? AND ${NOT_INTERNAL} ORDER BY name COLLATE NOCASE, name`;

/** ?: a table or view name. Its type and CREATE statement. */
export const RELATION = `SELECT type, sql FROM sqlite_schema WHERE name = ? AND type IN ('table', 'view')`;

/** hidden: 0 a plain column, 2 a virtual generated one, 3 a stored generated one (1, a virtual table's hidden column, is left out). */
export const COLUMNS = `SELECT name, type, "notnull" AS notNullFlag, dflt_value AS defaultValue, pk, hidden
  FROM pragma_table_xinfo(?, 'main') WHERE hidden <> 1 ORDER BY cid`;

export const INDEX_COLUMNS = `SELECT il.name AS indexName, il."unique" AS isUnique, il.origin AS origin, ii.name AS columnName, ii.cid AS cid, s.sql AS definition
  FROM pragma_index_list(?, 'main') AS il
  JOIN pragma_index_info(il.name, 'main') AS ii
  LEFT JOIN sqlite_schema AS s ON s.type = 'index' AND s.name = il.name
  ORDER BY il.name COLLATE NOCASE, il.name, ii.seqno`;

export const FOREIGN_KEYS = `SELECT id, "table" AS referencedTable, "from" AS fromColumn, "to" AS toColumn, on_update AS onUpdate, on_delete AS onDelete
  FROM pragma_foreign_key_list(?, 'main') ORDER BY id DESC, seq`;

/** ?: a table. The foreign keys of every table that reference it (itself included), in declaration order per table. */
export const REFERENCING_KEYS = `SELECT m.name AS fromTable, f.id AS id, f."from" AS fromColumn, f."to" AS toColumn, f.on_update AS onUpdate, f.on_delete AS onDelete
  FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name, 'main') AS f
  WHERE m.type = 'table' AND f."table" = ? COLLATE NOCASE
  ORDER BY m.name COLLATE NOCASE, m.name, f.id DESC, f.seq`;

export const PRIMARY_KEY = `SELECT name FROM pragma_table_info(?, 'main') WHERE pk > 0 ORDER BY pk`;

/** ?: a table or view. Its triggers with their statements. */
export const TRIGGERS_OF = `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? ORDER BY name COLLATE NOCASE, name`;

/** ?: a table or view. Its own statement first, then its indexes' and triggers' (autoindexes have none). */
export const CREATE_STATEMENTS_OF = `SELECT type, name, sql FROM sqlite_schema
  WHERE tbl_name = ? AND sql IS NOT NULL
  ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'view' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name COLLATE NOCASE, name`;

/** ?: a name, ?: its type. */
export const CREATE_STATEMENT = `SELECT sql, tbl_name AS owner FROM sqlite_schema WHERE name = ? AND type = ?`;
