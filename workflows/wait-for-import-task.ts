import { ApplicationFailure, CancellationScope, isCancellation } from '@temporalio/workflow';
import { WaitFailureType } from '../src/model/failure-types';
import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import { resolveWaitOptions, type ResolvedWaitOptions } from '../src/model/resolve-wait-options';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from '../src/model/wait-types';
import { importEndedFailure, invalidInputFailure } from './failures';
import {
  cancelImportAndConfirm,
  initialWaitState,
  runWaitLoop,
  type WaitLoopHooks,
  type WaitLoopOptions,
  type WaitLoopOutcome,
  type WaitLoopState,
} from './wait-loop';
import { countingWaitOutcome } from './wait-metrics';
import { runReading, type RunReading } from './input-reading';

/**
 * Waits started before 0.2.0 took a `polling` that is not an object (a string, a number) as the defaults;
 * since then it is bad input. Replaying such a running wait must keep the old reading.
 */
const REJECT_MALFORMED_POLLING = 'reject-malformed-polling';

function asStartedBefore(input: AwaitImportTaskInput): AwaitImportTaskInput {
  const polling: unknown = input?.polling;
  // null was refused then as now: only strings, numbers, booleans and arrays were read as the defaults.
  if (polling === undefined || polling === null || (typeof polling === 'object' && !Array.isArray(polling))) {
    return input;
  }
  const { polling: _dropped, ...rest } = input;
  return rest;
}

/** `reading`: the run's `runReading()`, taken once at its start (the inline wait's: at the wait's start). */
export function resolveOrFail(input: AwaitImportTaskInput, reading: RunReading): ResolvedWaitOptions {
  try {
    return resolveWaitOptions(
      reading.takes(REJECT_MALFORMED_POLLING) ? input : asStartedBefore(input),
      reading,
    );
  } catch (error) {
    throw invalidInputFailure(`Cannot wait for an import task: ${(error as Error).message}`, error as Error);
  }
}

export function loopOptionsOf(resolved: ResolvedWaitOptions, state: WaitLoopState): WaitLoopOptions {
  const options: WaitLoopOptions = {
    taskIdentifier: resolved.taskIdentifier,
    schedule: resolved.schedule,
    cancelConfirmTimeoutMs: resolved.cancelConfirmTimeoutMs,
  };
  if (resolved.deadlineMs !== undefined) options.deadlineAtMs = state.startedAtMs + resolved.deadlineMs;
  if (resolved.notFoundGracePeriodMs > 0) {
    options.notFoundGraceUntil = new Date(state.startedAtMs + resolved.notFoundGracePeriodMs).toISOString();
  }
  return options;
}

function isWaitTimeout(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === WaitFailureType.WAIT_TIMED_OUT;
}

/**
 * The loop, plus what ends it from outside: on cancellation or at the deadline, with
 * `cancelImportOnCancel`, the import is cancelled and confirmed ended (the workflow's own cancellation
 * cannot interrupt that) before the wait ends as cancelled or timed out.
 */
export async function waitHandlingCancellation(
  resolved: ResolvedWaitOptions,
  options: WaitLoopOptions,
  state: WaitLoopState,
  hooks: WaitLoopHooks & { onCancelling?(): void },
): Promise<WaitLoopOutcome> {
  try {
    return await runWaitLoop(options, state, hooks);
  } catch (error) {
    if (resolved.cancelImportOnCancel && (isCancellation(error) || isWaitTimeout(error))) {
      hooks.onCancelling?.();
      const task = await CancellationScope.nonCancellable(() =>
        cancelImportAndConfirm(options, state, hooks),
      );
      // At the deadline, an import that succeeded while its cancel was on the way has succeeded.
      if (!isCancellation(error) && task.phase === 'succeeded') return { kind: 'terminal', task };
    }
    throw error;
  }
}

/** SUCCEEDED (or any terminal status with `returnOnAnyTerminal`) returns; FAILED, CANCELLED, DELETED fail. */
export function finishWait(
  resolved: ResolvedWaitOptions,
  state: WaitLoopState,
  task: ImportTaskSnapshot,
): AwaitImportTaskResult {
  if (!resolved.returnOnAnyTerminal) {
    const failure = importEndedFailure(task);
    if (failure) throw failure;
  }
  return { task, polls: state.polls, runs: state.runs, waitedMs: Date.now() - state.startedAtMs };
}

/** Options of the inline wait: the `awaitImportTask` input without what only a workflow of its own has. */
export type WaitForImportTaskOptions = Omit<
  AwaitImportTaskInput,
  'taskIdentifier' | 'searchAttributes' | 'maxPollsPerRun'
> & {
  /** Called with every answer, e.g. to update your own workflow's state or details. */
  onSnapshot?: (task: ImportTaskSnapshot) => void;
};

/**
 * The wait, inline in your own workflow: the same loop, schedule and outcomes as the `awaitImportTask`
 * workflow, without its messages, search attributes or continue-as-new. Each poll adds about a dozen
 * events to your workflow's history; for waits that may run for hours, start `awaitImportTask` as a child
 * workflow instead, which continues as new with its own bounded history.
 */
export async function waitForImportTask(
  taskIdentifier: string,
  options: WaitForImportTaskOptions = {},
): Promise<AwaitImportTaskResult> {
  const { onSnapshot, ...input } = options;
  return countingWaitOutcome(async () => {
    const resolved = resolveOrFail({ ...input, taskIdentifier }, runReading());
    const state = initialWaitState();
    const outcome = await waitHandlingCancellation(resolved, loopOptionsOf(resolved, state), state, {
      ...(onSnapshot && { onSnapshot }),
    });
    if (outcome.kind !== 'terminal') throw new Error('unreachable: an inline wait never continues as new');
    return finishWait(resolved, state, outcome.task);
  });
}
