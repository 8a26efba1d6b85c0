/** What an engine can do, declared as data so the UI asks instead of switching on the engine's name. */
export interface Capabilities {
  kind: 'sql' | 'document' | 'keyvalue';
  /** Statements can be stopped on the server while they run. */
  cancel: boolean;
  transactions: boolean;
  explain: boolean;
  /** The server holds several databases that the tree lists. */
  databases: boolean;
  /** Tables live in schemas (namespaces) below the database. */
  schemas: boolean;
  /** Results are streamed in batches rather than fetched whole. */
  streaming: boolean;
  /** The session itself can be made read-only. */
  readOnlySessions: boolean;
  statementTimeout: boolean;
  ssl: boolean;
}
