import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromChildList, type PathSegment, type SchemaChild } from '../../../shared/model/schema';
import { startTestCore, type TestClient, type TestCore } from '../core/core-harness';
import { engineKits, type EngineKit } from './engine-kits';
import type { ExpectedChild, ExpectationsFor, IntrospectionExpectations } from './introspection-expectations/types';

/**
 * Introspection conformance: the same fixture-driven checks of the schema tree and Show DDL on every
 * engine, through a real core. Each engine's fixture and expected nodes live in
 * introspection-expectations/<engine>.ts; an engine without that file yet is reported as skipped.
 */
async function expectationsOf(kit: EngineKit): Promise<IntrospectionExpectations | null> {
  try {
    const module = (await import(/* @vite-ignore */ `./introspection-expectations/${kit.engine}.ts`)) as { expectations: ExpectationsFor };
    return module.expectations(kit);
  } catch (error) {
    if (error instanceof Error && /Failed to load|Cannot find|does not exist/i.test(error.message)) return null;
    throw error;
  }
}

const kits = await Promise.all(engineKits().map(async (kit) => ({ kit, expectations: await expectationsOf(kit) })));

function matches(child: SchemaChild, expected: ExpectedChild): boolean {
  if (child.kind !== expected.kind || child.name !== expected.name) return false;
  if (expected.detail === undefined) return true;
  return typeof expected.detail === 'string' ? child.detail === expected.detail : expected.detail.test(child.detail ?? '');
}

describe.each(kits)('introspection on $kit.label', ({ kit, expectations }) => {
  if (!expectations) {
    it.skip(`has no introspection-expectations/${kit.engine}.ts yet`, () => undefined);
    return;
  }
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
