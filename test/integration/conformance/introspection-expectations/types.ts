import type { PathSegment, SchemaNodeKind } from '../../../../shared/model/schema';
import type { EngineKit } from '../engine-kits';

/**
 * What the introspection conformance suite checks for one engine. Each engine has its own file
 * (postgres.ts, mysql.ts, sqlite.ts) exporting `expectations`; the suite runs the same steps for all.
 */
export interface ExpectedChild {
  kind: SchemaNodeKind;
  name: string;
  /** The child's detail exactly, or a pattern it must match. */
  detail?: string | RegExp;
}

export interface TreeCase {
  /** The feature of issue 4 §2 this case covers, e.g. "check constraints". */
  feature: string;
  parent: PathSegment[];
  /** Children that must be among the parent's, in this relative order. */
  includes: ExpectedChild[];
}

export interface DdlCase {
  feature: string;
  path: PathSegment[];
  /** Texts the DDL must contain. */
  contains: string[];
}

export interface IntrospectionExpectations {
  /** Statements run in order through kit.admin to build the fixture in the scratch database. */
  fixture: string[];
  /** Statements run through kit.admin after the scratch database is gone (server-wide objects such as roles). */
  cleanup?: string[];
  tree: TreeCase[];
  ddl: DdlCase[];
}

export type ExpectationsFor = (kit: EngineKit) => IntrospectionExpectations;
