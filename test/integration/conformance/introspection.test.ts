import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromChildList, type PathSegment, type SchemaChild } from '../../../shared/model/schema';
import { startTestCore, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';
import { expectations as mysqlExpectations } from './introspection-expectations/mysql';
import { expectations as postgresExpectations } from './introspection-expectations/postgres';
import { expectations as sqliteExpectations } from './introspection-expectations/sqlite';
import type { ExpectedChild, ExpectationsFor, IntrospectionExpectations } from './introspection-expectations/types';

/**
 * Introspection conformance: the same fixture-driven checks of the schema tree and Show DDL on every
 * engine, through a real core. Each engine's fixture and expected nodes live in
 * introspection-expectations/<engine>.ts.
 */
const EXPECTATIONS: Record<EngineKit['engine'], ExpectationsFor> = { postgres: postgresExpectations, mysql: mysqlExpectations, sqlite: sqliteExpectations };

function expectationsOf(kit: EngineKit): IntrospectionExpectations {
  return EXPECTATIONS[kit.engine](kit);
}

const kits = engineKits().map((kit) => ({ kit, expectations: expectationsOf(kit) }));

function matches(child: SchemaChild, expected: ExpectedChild): boolean {
  if (child.kind !== expected.kind || child.name !== expected.name) return false;
  if (expected.detail === undefined) return true;
  return typeof expected.detail === 'string' ? child.detail === expected.detail : expected.detail.test(child.detail ?? '');
}

describe.each(kits)('introspection on $kit.label', ({ kit, expectations }) => {
  let testCore: TestCore;
  let client: TestClient;
  let connectionId: string;

  beforeAll(async () => {
    await kit.setup();
    for (const statement of expectations.fixture) await kit.admin(statement);
    testCore = await startTestCore();
    client = testCore.connect();
    connectionId = (await client.call('connection/save', { id: null, draft: kit.draft(), password: { action: 'keep' } })).id;
  });

  afterAll(async () => {
    await testCore?.cleanup();
    await kit.teardown();
    for (const statement of expectations.cleanup ?? []) await kit.admin(statement).catch(() => undefined);
  });

  const children = async (path: PathSegment[]) => fromChildList(await client.call('schema/children', { connectionId, path }));

  it.each(expectations.tree)('shows $feature in the tree', async ({ parent, includes }) => {
    const found = await children(parent);
    const positions = includes.map((expected) => found.findIndex((child) => matches(child, expected)));
    const missing = includes.filter((_, index) => positions[index] === -1);
    expect(missing, `not among ${JSON.stringify(found)}`).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it.each(expectations.ddl)('shows the $feature', async ({ path, contains }) => {
    const { ddl } = await client.call('schema/ddl', { connectionId, path });
    for (const text of contains) expect(ddl).toContain(text);
  });
});
