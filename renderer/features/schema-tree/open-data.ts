import type { Capabilities } from '../../../shared/model/capabilities';
import type { Engine } from '../../../shared/model/connection';
import type { PathSegment, SchemaChild, SchemaNodeKind } from '../../../shared/model/schema';
import { qualifiedName } from '../../../shared/sql/quote';
import type { OpenTabRequest } from '../../store/tabs-slice';

export const OPEN_DATA_ROW_LIMIT = 1000;

const DATA_KINDS: readonly SchemaNodeKind[] = ['table', 'view', 'materialized-view'];

/** Whether the node holds rows that "open data" can show. */
export function canOpenData(node: SchemaChild, capabilities: Capabilities | undefined): boolean {
  return DATA_KINDS.includes(node.kind) && capabilities?.kind === 'sql';
}

/**
 * The name parts a query on the connection needs: the schema where the engine has schemas (PostgreSQL),
 * the database where databases act as schemas (MySQL), then the object. Groups never count.
 */
export function objectNameParts(path: readonly PathSegment[], capabilities: Capabilities): string[] {
  const last = path.length - 1;
  return path.flatMap((segment, index) => {
    if (index === last) return [segment.name];
    if (segment.kind === 'schema' && capabilities.schemas) return [segment.name];
    if (segment.kind === 'database' && capabilities.databases && !capabilities.schemas) return [segment.name];
    return [];
  });
}

export function selectAllSql(engine: Engine, capabilities: Capabilities, path: readonly PathSegment[]): string {
  return `SELECT * FROM ${qualifiedName(engine, objectNameParts(path, capabilities))} LIMIT ${OPEN_DATA_ROW_LIMIT}`;
}

/**
 * "Open data": a table-data tab that pages, filters, sorts and edits the rows on the server. Its
 * text is the equivalent SELECT, for copying into an editor.
 */
export function openDataRequest(node: SchemaChild, connectionId: string, engine: Engine, capabilities: Capabilities, path: readonly PathSegment[]): OpenTabRequest {
  return { title: node.name, connectionId, sql: selectAllSql(engine, capabilities, path), table: { connectionId, path: [...path] } };
}
