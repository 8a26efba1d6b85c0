import { afterEach, describe, expect, it } from 'vitest';
import { confirmRunIfDestructive, destructiveConfirmations } from '../../../renderer/features/safety/confirm-run';
import { createConfirmationQueue } from '../../../renderer/features/safety/confirmation-queue';
import type { SafetyProfile } from '../../../renderer/features/safety/run-safety';

const profile: SafetyProfile = { name: 'Local', engine: 'postgres', database: 'shop', production: false, confirmDestructive: true };
const stops: (() => void)[] = [];
const microtasks = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the confirmation queue', () => {
  it('answers "do not run" when no dialog host is there to ask', async () => {
    const queue = createConfirmationQueue<string>();
    expect(await queue.ask('drop table t')).toBe(false);
    expect(queue.current()).toBeNull();
  });

  it('shows one question at a time, in order, and resolves each with the answer given', async () => {
    const queue = createConfirmationQueue<string>();
    let changes = 0;
    stops.push(queue.subscribe(() => changes++));
    const first = queue.ask('first');
    const second = queue.ask('second');
    const shown = queue.current();
    expect(shown?.request).toBe('first');
    expect(queue.current()).toBe(shown);
    queue.answer(shown!.id, true);
    expect(await first).toBe(true);
    expect(queue.current()?.request).toBe('second');
    queue.answer(queue.current()!.id, false);
    expect(await second).toBe(false);
    expect(queue.current()).toBeNull();
    expect(changes).toBe(4);
  });

  it('ignores an answer to a question that is no longer asked', async () => {
    const queue = createConfirmationQueue<string>();
    stops.push(queue.subscribe(() => undefined));
    const asked = queue.ask('q');
    const { id } = queue.current()!;
    queue.answer(id, false);
    queue.answer(id, true);
    expect(await asked).toBe(false);
  });

  it('answers open questions "do not run" when the host goes away, but not when it comes straight back', async () => {
    const queue = createConfirmationQueue<string>();
    const stopFirst = queue.subscribe(() => undefined);
    const kept = queue.ask('kept');
    stopFirst();
    stops.push(queue.subscribe(() => undefined));
    await microtasks();
    expect(queue.current()?.request).toBe('kept');

    stops.pop()!();
    await microtasks();
    expect(await kept).toBe(false);
    expect(queue.current()).toBeNull();
  });
});

describe('confirmRunIfDestructive', () => {
  it('runs harmless scripts without asking', async () => {
    expect(await confirmRunIfDestructive('select 1', profile)).toBe(true);
  });

  it('runs a destructive script only when the user confirms it', async () => {
    stops.push(destructiveConfirmations.subscribe(() => undefined));
    const confirmed = confirmRunIfDestructive('truncate orders', profile);
    const shown = destructiveConfirmations.current()!;
    expect(shown.request.statements.map((statement) => statement.sql)).toEqual(['truncate orders']);
    destructiveConfirmations.answer(shown.id, true);
    expect(await confirmed).toBe(true);

    const cancelled = confirmRunIfDestructive('truncate orders', profile);
    destructiveConfirmations.answer(destructiveConfirmations.current()!.id, false);
    expect(await cancelled).toBe(false);
  });

  it('never runs a destructive script when no dialog can ask', async () => {
    expect(await confirmRunIfDestructive('drop table orders', profile)).toBe(false);
  });
});
