import { expect } from 'vitest';
import type { StrataError } from '../../../shared/errors';
import type { Plan, PlanNode } from '../../../shared/explain/plan';
import { planNodes } from '../../../shared/explain/plan';
import { emptyDraft, type ConnectionDraft, type ConnectionProfile } from '../../../shared/model/connection';
import type { AppQueryReport } from '../../../electron/core/activity/app-query-report';
import { createDriverRegistry } from '../../../electron/core/drivers/registry';
import { createHost, type Handlers, type Host } from '../../../electron/core/host';
import { PoolManager } from '../../../electron/core/pool/pool-manager';
import { ExplainService } from '../../../electron/core/services/explain-service';
import { WORKER_PATH } from '../sqlite/sqlite-kit';

export interface ExplainOutcome {
  plan?: Plan;
  error?: StrataError;
}

export interface ExplainKit {
  service: ExplainService;
  /** The service behind the real host, so that payloads are validated against the contract. */
  host: Host;
  /** Statements the service sent on Strata's behalf, in order. */
  appQueries: AppQueryReport[];
  /** Calls query/explain through the host; the plan, or the error the client would get. */
  explain(connectionId: string, sql: string, analyze: boolean): Promise<ExplainOutcome>;
  /** query/explain with an explain id, so that cancel() can stop it. */
  explainWithId(explainId: string, connectionId: string, sql: string, analyze: boolean): Promise<ExplainOutcome>;
  /** query/explain-cancel through the host, from the kit's client or from another one. */
  cancel(explainId: string, clientId?: string): Promise<{ cancelled: boolean }>;
  dispose(): Promise<void>;
}

/** An ExplainService over real drivers, opened as the core opens them (pool manager, registry). */
export function explainKit(profiles: ConnectionProfile[]): ExplainKit {
  const registry = createDriverRegistry({ sqliteWorkerPath: WORKER_PATH });
  const pools = new PoolManager();
  const appQueries: AppQueryReport[] = [];
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const service = new ExplainService({
    openDriver: async (id) => {
      const profile = byId.get(id);
      if (!profile) throw new Error(`No test profile ${id}`);
      const dialect = registry.dialectFor(profile.engine);
      const { driver, serverVersion } = await pools.open(id, () => dialect.createDriver({ profile, password: null }));
      return { profile, dialect, driver, serverVersion };
    },
    retain: (id) => pools.retain(id),
    log: () => undefined,
    onAppQuery: (_id, _engine, report) => appQueries.push(report),
  });
  const host = createHost(service.handlers as unknown as Handlers, () => undefined);
  const client = { id: 'test-client', emit: () => undefined };
  return {
    service,
    host,
    appQueries,
    async explain(connectionId, sql, analyze) {
      const result = await host.invoke('query/explain', { connectionId, sql, analyze }, client);
      return result.ok ? { plan: result.value as Plan } : { error: result.error };
    },
    async explainWithId(explainId, connectionId, sql, analyze) {
      const result = await host.invoke('query/explain', { connectionId, sql, analyze, explainId }, client);
      return result.ok ? { plan: result.value as Plan } : { error: result.error };
    },
    async cancel(explainId, clientId = client.id) {
      const result = await host.invoke('query/explain-cancel', { explainId }, { ...client, id: clientId });
      if (!result.ok) throw new Error(`query/explain-cancel failed: ${result.error.message}`);
      return result.value as { cancelled: boolean };
    },
    dispose: () => pools.closeAll(),
  };
}

/**
 * Starts an EXPLAIN with an id, waits until `running()` says the server is busy with it and at least
 * `afterMs` have passed, then cancels it: the outcome, the cancel's answer and how long the call took
 * to settle after the cancel.
 */
export async function explainThenCancel(
  kit: ExplainKit,
  explain: { explainId: string; connectionId: string; sql: string; analyze: boolean },
  afterMs: number,
  running: () => Promise<boolean>,
): Promise<{ outcome: ExplainOutcome; cancelled: boolean; settledMs: number }> {
  const started = performance.now();
  let settled = false;
  const call = kit.explainWithId(explain.explainId, explain.connectionId, explain.sql, explain.analyze).finally(() => (settled = true));
  await waitFor(async () => settled || (await running()), 10_000, 'the EXPLAIN never showed up on the server');
  expect(settled, 'the EXPLAIN ended before it could be cancelled').toBe(false);
  const waited = performance.now() - started;
  if (waited < afterMs) await new Promise((resolve) => setTimeout(resolve, afterMs - waited));
  const cancelAt = performance.now();
  const { cancelled } = await kit.cancel(explain.explainId);
  const outcome = await call;
  return { outcome, cancelled, settledMs: performance.now() - cancelAt };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function profile(id: string, draft: Partial<ConnectionDraft> & Pick<ConnectionDraft, 'engine'>): ConnectionProfile {
  return {
    ...emptyDraft(draft.engine),
    ...draft,
    id,
    name: id,
    hasPassword: false,
    builtIn: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

export function nodes(plan: Plan): PlanNode[] {
  return [...planNodes(plan.roots)];
}

export function findNode(plan: Plan, match: (node: PlanNode) => boolean): PlanNode {
  const found = nodes(plan).find(match);
  expect(found, `no node matched in ${nodes(plan).map((node) => `${node.label} ${node.detail}`).join(' | ')}`).toBeDefined();
  return found as PlanNode;
}

/** The plan of a successful call; fails the test with the error otherwise. */
export function planOf(result: { plan?: Plan; error?: StrataError }): Plan {
  expect(result.error, result.error?.message).toBeUndefined();
  return result.plan as Plan;
}

export function errorOf(result: { plan?: Plan; error?: StrataError }): StrataError {
  expect(result.plan, 'expected an error, got a plan').toBeUndefined();
  return result.error as StrataError;
}

export function shareSum(plan: Plan): number {
  return nodes(plan).reduce((sum, node) => sum + (node.share ?? 0), 0);
}
