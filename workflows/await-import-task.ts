import { log, makeContinueAsNewFunc, setHandler, workflowInfo } from '@temporalio/workflow';
import { readsAsToday } from '../src/model/input-reading';
import { readableStrictly } from '../src/model/resolve-wait-options';
import type {
  AwaitImportTaskCarryOver,
  AwaitImportTaskInput,
  AwaitImportTaskResult,
} from '../src/model/wait-types';
import { pollNowSignal, statusQuery } from './messages';
import { initialWaitState, lastSnapshot, requestPollNow, type WaitLoopState } from './wait-loop';
import { finishWait, loopOptionsOf, resolveOrFail, waitHandlingCancellation } from './wait-for-import-task';
import { searchAttributesEnabled } from './search-attributes-enabled';
import { runReading } from './input-reading';
import { createWaitView } from './wait-view';
import { countingWaitOutcome } from './wait-metrics';

function stateFrom(carryOver: AwaitImportTaskCarryOver | undefined): WaitLoopState {
  if (!carryOver) return initialWaitState();
  return {
    polls: carryOver.polls,
    runs: carryOver.runs + 1,
    startedAtMs: Date.parse(carryOver.startedAt),
    recent: carryOver.recent,
    ...(carryOver.progressStart !== undefined && { progressStart: carryOver.progressStart }),
    ...(carryOver.nextPollAt !== undefined && { nextPollAtMs: Date.parse(carryOver.nextPollAt) }),
    ...(carryOver.predictedEndAt !== undefined && { predictedEndAtMs: Date.parse(carryOver.predictedEndAt) }),
    ...(carryOver.nextPollReason !== undefined && { nextPollReason: carryOver.nextPollReason }),
    pollNowRequested: false,
  };
}

function carryOverOf(state: WaitLoopState): AwaitImportTaskCarryOver {
  // A pollNow that arrived during this run's last poll is honoured by the next run.
  const nextPollAtMs = state.pollNowRequested ? Date.now() : state.nextPollAtMs;
  return {
    polls: state.polls,
    runs: state.runs,
    startedAt: new Date(state.startedAtMs).toISOString(),
    recent: state.recent,
    ...(state.progressStart !== undefined && { progressStart: state.progressStart }),
    ...(nextPollAtMs !== undefined && { nextPollAt: new Date(nextPollAtMs).toISOString() }),
    ...(state.nextPollReason !== undefined && { nextPollReason: state.nextPollReason }),
    ...(state.predictedEndAtMs !== undefined && {
      predictedEndAt: new Date(state.predictedEndAtMs).toISOString(),
    }),
  };
}

/**
 * Waits for a Neptune Analytics import task to reach a terminal status. Survives worker and server
 * restarts; continues as new to keep each run's history bounded however long the import runs.
 *
 * `carryOver` is for continue-as-new only: callers pass just the input.
 */
export async function awaitImportTask(
  input: AwaitImportTaskInput,
  carryOver?: AwaitImportTaskCarryOver,
): Promise<AwaitImportTaskResult> {
  return countingWaitOutcome(() => awaitOneRun(input, carryOver));
}

async function awaitOneRun(
  input: AwaitImportTaskInput,
  carryOver: AwaitImportTaskCarryOver | undefined,
): Promise<AwaitImportTaskResult> {
  // Taken once, at the start: a patch not found while replaying is decided again once the run goes live.
  const reading = runReading();
  const resolved = resolveOrFail(input, reading);
  const state = stateFrom(carryOver);
  // The SDK's workflow logger adds the workflow id, run id and task queue, and is quiet on replay.
  log.info('Waiting for import task', { taskIdentifier: resolved.taskIdentifier, run: state.runs });

  setHandler(statusQuery, () => {
    const task = lastSnapshot(state);
    const { recent: _recent, progressStart: _progressStart, ...counts } = carryOverOf(state);
    return { ...(task && { task, phase: task.phase }), ...counts };
  });
  setHandler(pollNowSignal, () => requestPollNow(state));
  const view = createWaitView(
    resolved.taskIdentifier,
    await searchAttributesEnabled(resolved.searchAttributes, reading),
    state,
  );

  view.observe(lastSnapshot(state));
  view.show();
  let pollsThisRun = 0;
  const outcome = await waitHandlingCancellation(resolved, loopOptionsOf(resolved, state), state, {
    onSnapshot(task) {
      pollsThisRun += 1;
      view.observe(task);
    },
    onScheduled: () => view.show(),
    onCancelling: () => view.show('Cancelling the import task, then waiting for the service to confirm'),
    shouldContinueAsNew: () =>
      pollsThisRun >= resolved.maxPollsPerRun || workflowInfo().continueAsNewSuggested,
  });
  if (outcome.kind === 'continue-as-new') {
    const continueAsNew = makeContinueAsNewFunc<typeof awaitImportTask>({
      typedSearchAttributes: workflowInfo().typedSearchAttributes,
    });
    // A run that read its input by an older reading hands the next run, which reads as today, the same
    // meaning in a form today's reading takes.
    return continueAsNew(readsAsToday(reading) ? input : readableStrictly(input), carryOverOf(state));
  }
  view.show();
  return finishWait(resolved, state, outcome.task);
}
