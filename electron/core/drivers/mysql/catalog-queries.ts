/**
 * The catalog queries behind the tree, one per level. Every name is a bound parameter of a prepared
 * statement. Each information_schema table is filtered by constant schema (and table) names, which lets
 * the server open only that database's or table's definitions instead of every one on the server.
 */

export const VERSION_QUERY = 'SELECT VERSION() AS version';

export const PING_QUERY = 'SELECT 1';

/** ?: the profile's database, listed first; system databases last. */
export const DATABASES_QUERY = `
SELECT SCHEMA_NAME AS name,
       SCHEMA_NAME IN ('information_schema', 'mysql', 'performance_schema', 'sys') AS system_database
FROM information_schema.SCHEMATA
ORDER BY SCHEMA_NAME = ? DESC, system_database, SCHEMA_NAME`;

/** ? × 6: the database. No row when it does not exist. */
export const GROUP_COUNTS_QUERY = `
SELECT
  (SELECT COUNT(*) FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')) AS tables,
  (SELECT COUNT(*) FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('VIEW', 'SYSTEM VIEW')) AS views,
  (SELECT COUNT(*) FROM information_schema.ROUTINES
    WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'FUNCTION') AS functions,
  (SELECT COUNT(*) FROM information_schema.ROUTINES
    WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE = 'PROCEDURE') AS procedures,
  (SELECT COUNT(*) FROM information_schema.TABLES
    WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'SEQUENCE') AS sequences
FROM information_schema.SCHEMATA
WHERE SCHEMA_NAME = ?`;

/**
 * ?: database, then ? × 2: table types, then ?: database. A first row with a null name stands for the
 * database itself, so an empty group and a missing database differ.
 */
export const TABLES_QUERY = `
SELECT NULL AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?
UNION ALL
SELECT TABLE_NAME FROM information_schema.TABLES
WHERE TABLE_TYPE IN (?, ?) AND TABLE_SCHEMA = ?
ORDER BY name`;

/** ?: database, ?: routine type (FUNCTION or PROCEDURE), ?: database. A first null name stands for the database. */
export const ROUTINES_QUERY = `
SELECT NULL AS name, NULL AS detail FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?
UNION ALL
SELECT ROUTINE_NAME, DTD_IDENTIFIER FROM information_schema.ROUTINES
WHERE ROUTINE_TYPE = ? AND ROUTINE_SCHEMA = ?
ORDER BY name`;

/**
 * ?: database, ?: table, ? × 2: table types, then (database, table) × 4. One row per fact of the table:
 * a 'relation' row when it exists, a row per column, per indexed column and per foreign-key column. The
 * tree and tableDetail both read it.
 */
export const TABLE_OBJECTS_QUERY = `
SELECT 'relation' AS kind, TABLE_NAME AS name, 0 AS seq,
       NULL AS column_type, NULL AS nullable, NULL AS default_value, NULL AS column_key, NULL AS extra, NULL AS comment,
       NULL AS column_name, NULL AS non_unique, NULL AS sub_part, NULL AS index_type,
       NULL AS ref_schema, NULL AS ref_table, NULL AS ref_column, NULL AS update_rule, NULL AS delete_rule
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND TABLE_TYPE IN (?, ?)
UNION ALL
SELECT 'column', COLUMN_NAME, ORDINAL_POSITION,
       COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_KEY, EXTRA, COLUMN_COMMENT,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
UNION ALL
SELECT 'index', INDEX_NAME, SEQ_IN_INDEX,
       NULL, NULL, NULL, NULL, NULL, NULL,
       COLUMN_NAME, NON_UNIQUE, SUB_PART, INDEX_TYPE, NULL, NULL, NULL, NULL, NULL
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
UNION ALL
SELECT 'foreign-key', k.CONSTRAINT_NAME, k.ORDINAL_POSITION,
       NULL, NULL, NULL, NULL, NULL, NULL,
       k.COLUMN_NAME, NULL, NULL, NULL, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
       r.UPDATE_RULE, r.DELETE_RULE
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
  AND r.CONSTRAINT_SCHEMA = ? AND r.TABLE_NAME = ?`;
