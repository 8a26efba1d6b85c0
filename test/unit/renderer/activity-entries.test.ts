import { describe, expect, it } from 'vitest';
import type { AppQueryEntry, AppQueryPurpose } from '../../../shared/model/activity';
import { MAX_KEPT_ENTRIES, mergeEntries } from '../../../renderer/features/activity/merge-entries';
import { purposeSummary } from '../../../renderer/features/activity/purpose-summary';

const entry = (id: number, purpose: AppQueryPurpose = 'introspection'): AppQueryEntry => ({
  id,
  at: '2026-01-01T00:00:00.000Z',
  connectionId: 'c1',
  engine: 'postgres',
  purpose,
  sql: 'SELECT 1',
  durationMs: 1,
  ok: true,
});

describe('purposeSummary', () => {
  it('counts each purpose present, singular and plural, in a fixed order', () => {
    const entries = [...Array.from({ length: 12 }, (_, i) => entry(i + 1)), entry(13, 'health'), entry(14, 'health'), entry(15, 'health'), entry(16, 'cancel')];
    expect(purposeSummary(entries)).toBe('12 introspection queries, 3 health checks, 1 cancel request');
    expect(purposeSummary([entry(1, 'session')])).toBe('1 session statement');
    expect(purposeSummary([])).toBe('No queries yet');
  });
});

describe('mergeEntries', () => {
  it('appends only unseen entries and drops the oldest beyond the limit', () => {
    const held = [entry(1), entry(2)];
    expect(mergeEntries(held, [entry(2), entry(3)]).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(mergeEntries(held, [])).toBe(held);
    const many = Array.from({ length: MAX_KEPT_ENTRIES }, (_, i) => entry(i + 1));
    const merged = mergeEntries(many, [entry(MAX_KEPT_ENTRIES + 1)]);
    expect(merged).toHaveLength(MAX_KEPT_ENTRIES);
    expect(merged[0].id).toBe(2);
    expect(merged.at(-1)?.id).toBe(MAX_KEPT_ENTRIES + 1);
  });
});
