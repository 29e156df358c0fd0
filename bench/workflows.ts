/**
 * What the bench's worker bundles: this library's workflows, and the two loops it is measured against.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { HandWrittenAnswer, LoopActivities } from './loop-activities';

export * from '../workflows';

const { handWrittenGetImportTask, noOp } = proxyActivities<LoopActivities>({
  startToCloseTimeout: '1 minute',
});

/** The loop users write by hand: GetImportTask every `intervalMs` in a plain workflow, until it ends. */
export async function handWrittenLoop(
  taskIdentifier: string,
  intervalMs: number,
): Promise<HandWrittenAnswer & { calls: number }> {
  for (let calls = 1; ; calls++) {
    const answer = await handWrittenGetImportTask(taskIdentifier);
    if (answer.terminal) return { ...answer, calls };
    await sleep(intervalMs);
  }
}

/** The floor: an activity that does nothing and a timer, `iterations` times. */
export async function noOpLoop(iterations: number, intervalMs: number): Promise<{ calls: number }> {
  for (let i = 0; i < iterations; i++) {
    await noOp();
    if (i < iterations - 1) await sleep(intervalMs);
  }
  return { calls: iterations };
}
