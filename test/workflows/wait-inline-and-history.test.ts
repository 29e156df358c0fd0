import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WaitFailureType } from '../../src/model/failure-types';
import { DEFAULT_MAX_POLLS_PER_RUN } from '../../src/model/wait-types';
import { awaitImportTask, userWorkflowWaitingInline } from '../helpers/test-workflows';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';
import { workflowFailure } from '../helpers/failures';
import { PATCHES_OF_050 } from '../../workflows/input-reading';
import { recordedPatches } from '../helpers/patches';

const TIME_SCALE = 600;

const fixture = useRunningWorker({ emulator: { timeScale: TIME_SCALE } });

describe('waitForImportTask inline in a user workflow', () => {
  it('returns on SUCCEEDED, having passed every answer to onSnapshot', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 900 });
    const result = await fixture.temporal.client.workflow.execute(userWorkflowWaitingInline, {
      taskQueue: fixture.taskQueue,
      workflowId: `inline-${taskId}`,
      args: [taskId, { polling: FAST_POLLING }],
    });
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(result.runs, 1);
    assert.equal(result.answers, result.polls);
    assert.equal(result.polls, fixture.emulator.countRequests({ operation: 'GetImportTask', taskId }));
  });

  it('fails with ImportTaskFailed on FAILED, like the workflow', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'fails', durationSeconds: 600 });
    const failure = await workflowFailure(
      fixture.temporal.client.workflow.execute(userWorkflowWaitingInline, {
        taskQueue: fixture.taskQueue,
        workflowId: `inline-${taskId}`,
        args: [taskId, { polling: FAST_POLLING }],
      }),
    );
    assert.equal(failure.type, WaitFailureType.IMPORT_TASK_FAILED);
  });
});

describe('bounded history', () => {
  it('a run of the default size stays far below 10,000 events (measured per poll on the server)', async () => {
    const pollsPerRun = 4;
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 6000 });
    const handle = await fixture.temporal.client.workflow.start(awaitImportTask, {
      taskQueue: fixture.taskQueue,
      workflowId: `history-${taskId}`,
      // Search attributes upserted on most polls (progress keeps changing): the costliest case.
      args: [
        {
          taskIdentifier: taskId,
          polling: FAST_POLLING,
          maxPollsPerRun: pollsPerRun,
          searchAttributes: true,
        },
      ],
    });
    const result = await handle.result();
    assert.ok(result.runs >= 2, `${result.runs} runs, ${result.polls} polls in ${result.waitedMs} ms`);
    // The first run continued as new after exactly pollsPerRun polls: measure what each poll cost it.
    const firstRun =
      (
        await fixture.temporal.client.workflow
          .getHandle(handle.workflowId, handle.firstExecutionRunId)
          .fetchHistory()
      ).events ?? [];
    const eventsPerPoll = firstRun.length / pollsPerRun;
    const perRunAtDefault = Math.ceil(eventsPerPoll * DEFAULT_MAX_POLLS_PER_RUN);
    assert.ok(
      perRunAtDefault < 10_000,
      `${eventsPerPoll.toFixed(1)} events per poll → ${perRunAtDefault} per run`,
    );
  });
});

describe('patch markers', () => {
  it('a new wait records one patch, not one per change since 0.1.0 (each is a marker and a visibility write)', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    // Started by name without the attribute: the wait also takes the namespace look-up's patch.
    const handle = await fixture.temporal.client.workflow.start(awaitImportTask, {
      taskQueue: fixture.taskQueue,
      workflowId: `patches-${taskId}`,
      args: [{ taskIdentifier: taskId, polling: FAST_POLLING }],
    });
    await handle.result();
    const events = (await handle.fetchHistory()).events ?? [];
    const changeVersionUpserts = events.filter(
      (event) =>
        event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.[
          'TemporalChangeVersion'
        ],
    );
    assert.deepEqual(await recordedPatches(handle), [PATCHES_OF_050]);
    assert.equal(changeVersionUpserts.length, 1);
  });
});
