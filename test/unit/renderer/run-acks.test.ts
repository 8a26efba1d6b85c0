import { describe, expect, it } from 'vitest';
import { MAX_RUN_WINDOW } from '../../../shared/ipc/contract';
import { createRunAcks } from '../../../renderer/store/run-acks';

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run acks', () => {
  it('sends one ack per run for the batches stored in the same task', async () => {
    const sent: [string, number][] = [];
    const acks = createRunAcks((runId, batches) => sent.push([runId, batches]));
    acks.stored('a');
    acks.stored('a');
    acks.stored('b');
    acks.stored('a');
    expect(sent).toEqual([]);
    await nextTask();
    expect(sent).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    acks.stored('a');
    await nextTask();
    expect(sent.at(-1)).toEqual(['a', 1]);
  });

  it('splits a large count into acks the contract accepts', async () => {
    const sent: number[] = [];
    const acks = createRunAcks((_runId, batches) => sent.push(batches));
    for (let i = 0; i < MAX_RUN_WINDOW * 2 + 5; i++) acks.stored('a');
    await nextTask();
    expect(sent).toEqual([MAX_RUN_WINDOW, MAX_RUN_WINDOW, 5]);
  });

  it('sends nothing for a run forgotten before the ack went out', async () => {
    const sent: string[] = [];
    const acks = createRunAcks((runId) => sent.push(runId));
    acks.stored('ended');
    acks.stored('going');
    acks.forget('ended');
    await nextTask();
    expect(sent).toEqual(['going']);
  });
});
