import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, it } from 'node:test';
import {
  CancelImportTaskCommand,
  GetImportTaskCommand,
  StartImportTaskCommand,
  type GetImportTaskCommandOutput,
} from '@aws-sdk/client-neptune-graph';
import { NeptuneEmulator } from '../../../src/testing/emulator';
import { ROLE_ARN, sdkClient, startHarness, type Harness } from './harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Polls every `stepSeconds` of real (injected) time until the task is terminal; returns every answer. */
async function pollToEnd(
  harness: Harness,
  taskId: string,
  stepSeconds: number,
  limit = 200,
): Promise<GetImportTaskCommandOutput[]> {
  const seen: GetImportTaskCommandOutput[] = [];
  for (let i = 0; i < limit; i++) {
    const out = await harness.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    seen.push(out);
    if (['SUCCEEDED', 'FAILED', 'CANCELLED', 'DELETED'].includes(out.status ?? '')) return seen;
    harness.clock.advanceSeconds(stepSeconds);
  }
  throw new Error(`task ${taskId} did not finish`);
}

/** Consecutive distinct statuses, e.g. [INITIALIZING, ANALYZING_DATA, IMPORTING, SUCCEEDED]. */
function statusRuns(answers: GetImportTaskCommandOutput[]): string[] {
  return answers.map((a) => a.status ?? '').filter((s, i, all) => i === 0 || s !== all[i - 1]);
}

describe('scenario timing with an injected clock', () => {
  it('a time-scaled import started through the SDK goes INITIALIZING → ANALYZING_DATA → IMPORTING → SUCCEEDED', async () => {
    // 60 emulated seconds per real second: an hour-long import takes a minute of the injected clock.
    h = await startHarness({
      scenario: { timeScale: 60, defaultTimeline: 'succeeds', defaultDurationSeconds: 3600 },
    });
    const started = await h.client.send(
      new StartImportTaskCommand({ graphIdentifier: 'g-timing0001', source: 's3://b/', roleArn: ROLE_ARN }),
    );
    const answers = await pollToEnd(h, started.taskId ?? '', 1);
    assert.deepEqual(statusRuns(answers), ['INITIALIZING', 'ANALYZING_DATA', 'IMPORTING', 'SUCCEEDED']);

    const importing = answers.filter((a) => a.status === 'IMPORTING').map((a) => a.importTaskDetails!);
    assert.ok(importing.length > 10);
    for (let i = 1; i < importing.length; i++) {
      const [prev, cur] = [importing[i - 1]!, importing[i]!];
      assert.ok(cur.progressPercentage! >= prev.progressPercentage!, 'progress never goes down');
      assert.ok(cur.statementCount! >= prev.statementCount!, 'statements never go down');
      assert.ok(cur.dictionaryEntryCount! >= prev.dictionaryEntryCount!, 'dictionary entries never go down');
    }
    const first = importing[0]!;
    const last = importing[importing.length - 1]!;
    assert.ok(last.progressPercentage! > first.progressPercentage!);
    assert.ok(last.statementCount! > first.statementCount!);
    assert.ok(last.dictionaryEntryCount! > first.dictionaryEntryCount!);

    const done = answers[answers.length - 1]!;
    assert.equal(done.importTaskDetails?.progressPercentage, 100);
    assert.equal(done.importTaskDetails?.timeElapsedSeconds, 3600);
    // 60 real seconds at 60x: the task finished one emulated hour after it started.
    assert.equal(answers.length - 1, 60);
  });

  it('timeElapsedSeconds and startTime agree with emulated time', async () => {
    h = await startHarness({ timeScale: 10 });
    const taskId = h.emulator.addTask({ durationSeconds: 10_000 });
    const startMs = h.clock.ms;
    h.clock.advanceSeconds(5);
    const out = await h.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal(out.importTaskDetails?.timeElapsedSeconds, 50);
    assert.equal(out.importTaskDetails?.startTime?.getTime(), startMs);
  });

  it('fails: IMPORTING → ROLLING_BACK → FAILED with statusReason, errorCount and errorDetails', async () => {
    h = await startHarness();
    const taskId = h.emulator.addTask({ timeline: 'fails', durationSeconds: 1000 });
    const answers = await pollToEnd(h, taskId, 20);
    assert.deepEqual(statusRuns(answers), [
      'INITIALIZING',
      'ANALYZING_DATA',
      'IMPORTING',
      'ROLLING_BACK',
      'FAILED',
    ]);
    const failed = answers[answers.length - 1]!;
    assert.ok(failed.statusReason);
    assert.ok(failed.importTaskDetails!.errorCount! > 0);
    assert.ok(failed.importTaskDetails!.errorDetails);
    assert.equal(failed.importTaskDetails!.progressPercentage, 60);
  });

  it('reprovisions: IMPORTING → REPROVISIONING → IMPORTING from a lower progress → SUCCEEDED', async () => {
    h = await startHarness();
    const taskId = h.emulator.addTask({ timeline: 'reprovisions', durationSeconds: 1000 });
    const answers = await pollToEnd(h, taskId, 10);
    assert.deepEqual(statusRuns(answers), [
      'INITIALIZING',
      'ANALYZING_DATA',
      'IMPORTING',
      'REPROVISIONING',
      'IMPORTING',
      'SUCCEEDED',
    ]);
    const reprovisionAt = answers.findIndex((a) => a.status === 'REPROVISIONING');
    const beforeProgress = answers[reprovisionAt - 1]!.importTaskDetails!.progressPercentage!;
    const after = answers.slice(reprovisionAt).find((a) => a.status === 'IMPORTING')!;
    assert.ok(after.importTaskDetails!.progressPercentage! < beforeProgress);
    assert.equal(after.attemptNumber, 2);
  });

  it('deleted: the timeline ends in DELETED', async () => {
    h = await startHarness();
    const taskId = h.emulator.addTask({ timeline: 'deleted', durationSeconds: 100 });
    const answers = await pollToEnd(h, taskId, 10);
    assert.equal(statusRuns(answers).at(-1), 'DELETED');
    assert.ok(statusRuns(answers).includes('IMPORTING'));
  });

  it('emulator.deleteTask makes a running task DELETED', async () => {
    h = await startHarness();
    const taskId = h.emulator.addTask({ startedSecondsAgo: 1000 });
    h.emulator.deleteTask(taskId);
    const out = await h.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal(out.status, 'DELETED');
  });

  it('cancel: CANCELLING for cancellingSeconds of emulated time, then CANCELLED', async () => {
    h = await startHarness({ scenario: { cancellingSeconds: 30 } });
    const taskId = h.emulator.addTask({ startedSecondsAgo: 1000 });
    await h.client.send(new CancelImportTaskCommand({ taskIdentifier: taskId }));
    const get = () => h!.client.send(new GetImportTaskCommand({ taskIdentifier: taskId }));
    assert.equal((await get()).status, 'CANCELLING');
    h.clock.advanceSeconds(29);
    assert.equal((await get()).status, 'CANCELLING');
    h.clock.advanceSeconds(1);
    assert.equal((await get()).status, 'CANCELLED');
    h.clock.advanceSeconds(100_000);
    assert.equal(
      (await get()).status,
      'CANCELLED',
      'stays cancelled although the timeline would have succeeded',
    );
  });

  it('setTimeScale changes the speed without making emulated time jump', async () => {
    h = await startHarness({ timeScale: 1 });
    const taskId = h.emulator.addTask({ durationSeconds: 10_000 });
    const elapsed = () =>
      (h!.emulator.getTask(taskId)!['importTaskDetails'] as { timeElapsedSeconds: number })
        .timeElapsedSeconds;
    h.clock.advanceSeconds(100);
    h.emulator.setTimeScale(100);
    assert.equal(elapsed(), 100);
    h.clock.advanceSeconds(1);
    assert.equal(elapsed(), 200);
  });
});

describe('scenario timing in real time', () => {
  it('an hour-long import completes within about 2 s at timeScale 3600', async () => {
    const emulator = await NeptuneEmulator.start({ timeScale: 3600 });
    const client = sdkClient(emulator.endpoint);
    try {
      const taskId = emulator.addTask({ timeline: 'succeeds', durationSeconds: 3600 });
      const started = Date.now();
      let status = '';
      const statuses = new Set<string>();
      while (Date.now() - started < 2500) {
        status = (await client.send(new GetImportTaskCommand({ taskIdentifier: taskId }))).status ?? '';
        statuses.add(status);
        if (status === 'SUCCEEDED') break;
        await delay(50);
      }
      assert.equal(status, 'SUCCEEDED');
      assert.ok(statuses.has('IMPORTING'));
      assert.ok(Date.now() - started < 2500);
    } finally {
      client.destroy();
      await emulator.close();
    }
  });
});
