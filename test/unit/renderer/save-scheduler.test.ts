import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveScheduler } from '../../../renderer/store/save-scheduler';

describe('save scheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(save: (value: string) => Promise<void> = async () => {}) {
    const saved: string[] = [];
    const errors: unknown[] = [];
    const scheduler = createSaveScheduler<string>({
      delayMs: 400,
      maxWaitMs: 2000,
      save: async (value) => {
        saved.push(value);
        await save(value);
      },
      onError: (error) => errors.push(error),
    });
    return { scheduler, saved, errors };
  }

  it('saves only the latest value once changes pause for the delay', async () => {
    const { scheduler, saved } = setup();
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    scheduler.schedule('ab');
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual(['ab']);
  });

  it('saves at least every maxWait while changes keep coming', async () => {
    const { scheduler, saved } = setup();
    for (let i = 0; i < 30; i++) {
      scheduler.schedule(`v${i}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saved.length).toBeGreaterThanOrEqual(1);
    expect(saved[0]).toBe('v19');
  });

  it('flush saves the pending value at once and does nothing when there is none', async () => {
    const { scheduler, saved } = setup();
    await scheduler.flush();
    expect(saved).toEqual([]);
    scheduler.schedule('x');
    await scheduler.flush();
    expect(saved).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual(['x']);
  });

  it('never runs two saves at once and then saves the newest value', async () => {
    let release: () => void = () => {};
    let running = 0;
    let maxRunning = 0;
    const { scheduler, saved } = setup(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    scheduler.schedule('first');
    await vi.advanceTimersByTimeAsync(400);
    scheduler.schedule('second');
    scheduler.schedule('third');
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['first']);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['first', 'third']);
    release();
    await scheduler.flush();
    expect(maxRunning).toBe(1);
  });

  it('reports a failed save and keeps working', async () => {
    let fail = true;
    const { scheduler, saved, errors } = setup(async () => {
      if (fail) throw new Error('disk full');
    });
    scheduler.schedule('a');
    await scheduler.flush();
    fail = false;
    scheduler.schedule('b');
    await scheduler.flush();
    expect(saved).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
  });

  it('drops the pending value after dispose', async () => {
    const { scheduler, saved } = setup();
    scheduler.schedule('a');
    scheduler.dispose();
    scheduler.schedule('b');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual([]);
  });
});
