import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  isCancellation,
  log,
  sleep,
  TimeoutFailure,
  workflowInfo,
} from '@temporalio/workflow';
import { pollSummary } from '../src/model/wait-presentation';
import { formatDuration } from '../src/model/durations';
import { type FailureType, NON_RETRYABLE_FAILURE_TYPES } from '../src/model/failure-types';
import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import {
  aimOffsetOf,
  planNextPoll,
  rememberAnswer,
  type PollDecision,
  type PollMemory,
} from '../src/model/poll-planner';
import type { PollSchedule } from '../src/model/poll-schedule';
import { isTerminalPhase } from '../src/model/status-model';
import { cancelFailedFailure, reportingFailure, waitTimedOutFailure } from './failures';
import { proxyNeptuneImportActivities } from './neptune-activities';
import { recordTerminalAnswer } from './wait-metrics';

export interface WaitLoopOptions {
  taskIdentifier: string;
  /**
   * How long cancelling may take, from the CancelImportTask call to the service confirming the task ended:
   * a task stuck in CANCELLING must not keep a cancelled workflow alive forever.
   */
  cancelConfirmTimeoutMs: number;
  schedule: PollSchedule;
  deadlineAtMs?: number;
  notFoundGraceUntil?: string;
}

/** Owned by the caller: queries read it, continue-as-new carries it. */
export interface WaitLoopState extends PollMemory {
  runs: number;
  startedAtMs: number;
  nextPollAtMs?: number;
  /** What the schedule decided the next poll from, for the Web UI. */
  nextPollReason?: PollDecision['reason'];
  /** When the progress so far says the import ends, for the Web UI and the status query. */
  predictedEndAtMs?: number;
  /** The last prediction made in this run, kept through backoffs: what the end is compared with. */
  lastPredictedEndAtMs?: number;
  pollNowRequested: boolean;
  /** The sleep until the next poll, while it lasts: what `requestPollNow` cuts short. */
  sleeping?: CancellationScope;
}

export function initialWaitState(): WaitLoopState {
  return { polls: 0, runs: 1, startedAtMs: Date.now(), recent: [], pollNowRequested: false };
}

export interface WaitLoopHooks {
  /** After each answer. */
  onSnapshot?(task: ImportTaskSnapshot): void;
  /** After the next poll time is set. */
  onScheduled?(): void;
  /** Checked before each sleep: true ends this run's loop so that the caller continues as new. */
  shouldContinueAsNew?(): boolean;
}

export type WaitLoopOutcome = { kind: 'terminal'; task: ImportTaskSnapshot } | { kind: 'continue-as-new' };

/** When the next poll is and what the schedule chose it from; no time: there is no next poll. */
function scheduleNextPoll(
  state: WaitLoopState,
  atMs: number | undefined,
  decision: Partial<PollDecision> = {},
) {
  state.nextPollAtMs = atMs;
  state.nextPollReason = decision.reason;
  state.predictedEndAtMs = decision.predictedEndAt ? Date.parse(decision.predictedEndAt) : undefined;
  state.lastPredictedEndAtMs = state.predictedEndAtMs ?? state.lastPredictedEndAtMs;
}

export function lastSnapshot(state: WaitLoopState): ImportTaskSnapshot | undefined {
  return state.recent[state.recent.length - 1];
}

function waitTimedOut(options: WaitLoopOptions, state: WaitLoopState, cause?: Error): ApplicationFailure {
  return waitTimedOutFailure(
    options.taskIdentifier,
    Date.now() - state.startedAtMs,
    lastSnapshot(state),
    cause,
  );
}

function deadlinePassed(options: WaitLoopOptions): boolean {
  return options.deadlineAtMs !== undefined && Date.now() >= options.deadlineAtMs;
}

function isPermanent(error: ActivityFailure): boolean {
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure)) return false;
  return cause.nonRetryable || NON_RETRYABLE_FAILURE_TYPES.includes(cause.type as FailureType);
}

/**
 * One GetImportTask through the activity. Returns undefined when the activity gave up on a transient
 * failure (only a retry policy without the recommended unlimited attempts does that): that never ends a
 * wait. A permanent failure ends it at once, with the activity's failure as the cause.
 */
async function pollOnce(
  options: WaitLoopOptions,
  state: WaitLoopState,
): Promise<ImportTaskSnapshot | undefined> {
  if (deadlinePassed(options)) throw waitTimedOut(options, state);
  const { getImportTask } = proxyNeptuneImportActivities({
    summary: pollSummary(options.taskIdentifier, lastSnapshot(state)),
    // Retries of a throttled or failing call stop at the deadline too.
    ...(options.deadlineAtMs !== undefined && { scheduleToCloseTimeout: options.deadlineAtMs - Date.now() }),
  });
  try {
    const task = await getImportTask({
      taskIdentifier: options.taskIdentifier,
      ...(options.notFoundGraceUntil !== undefined && { notFoundGraceUntil: options.notFoundGraceUntil }),
    });
    const memory = rememberAnswer(state, task);
    state.polls = memory.polls;
    state.recent = memory.recent;
    state.progressStart = memory.progressStart;
    return task;
  } catch (error) {
    if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
    if (error.cause instanceof TimeoutFailure && deadlinePassed(options))
      throw waitTimedOut(options, state, error);
    if (isPermanent(error)) {
      throw reportingFailure(error, `Stopped waiting for import task ${options.taskIdentifier}`);
    }
    return undefined;
  }
}

/** A pollNow signal: the wait polls at once, cutting its sleep short (the timer is cancelled). */
export function requestPollNow(state: WaitLoopState): void {
  state.pollNowRequested = true;
  state.sleeping?.cancel();
}

/**
 * Sleeps until the next poll, the deadline, or `requestPollNow`, whichever comes first. The same commands as
 * `condition(() => state.pollNowRequested, ms)` (a timer, cancelled if the signal comes first) with half the
 * promises: the SDK records a stack trace of every promise a workflow creates, most of a poll's CPU.
 */
async function sleepUntilNextPoll(options: WaitLoopOptions, state: WaitLoopState): Promise<void> {
  const until = Math.min(state.nextPollAtMs ?? Date.now(), options.deadlineAtMs ?? Infinity);
  const ms = until - Date.now();
  if (ms > 0) {
    const cancelledAlready = CancellationScope.current().consideredCancelled;
    const scope = new CancellationScope();
    state.sleeping = scope;
    try {
      const sleeping = scope.run(() => sleep(ms, { summary: `next poll in ${formatDuration(ms)}` }));
      if (state.pollNowRequested) scope.cancel();
      await sleeping;
    } catch (error) {
      // A pollNow ends the sleep, even one that comes with the workflow's cancellation (which the next
      // command then meets), as condition() let it; a cancellation alone goes on.
      if (!isCancellation(error) || !state.pollNowRequested || cancelledAlready) throw error;
    } finally {
      state.sleeping = undefined;
    }
  }
  state.pollNowRequested = false;
  if (deadlinePassed(options)) throw waitTimedOut(options, state);
}

/**
 * The wait: poll, let the hooks show the answer, stop at a terminal status, otherwise ask the schedule
 * when to poll next and sleep until then. Workflow code: Date.now() and Math.random() are deterministic.
 */
export async function runWaitLoop(
  options: WaitLoopOptions,
  state: WaitLoopState,
  hooks: WaitLoopHooks = {},
): Promise<WaitLoopOutcome> {
  for (;;) {
    await sleepUntilNextPoll(options, state);
    const task = await pollOnce(options, state);
    if (task) {
      hooks.onSnapshot?.(task);
      if (isTerminalPhase(task.phase)) {
        recordTerminalAnswer(task, state.lastPredictedEndAtMs);
        log.info('Import task ended', {
          taskIdentifier: options.taskIdentifier,
          status: task.status,
          polls: state.polls,
        });
        scheduleNextPoll(state, undefined);
        return { kind: 'terminal', task };
      }
    }
    const decision: Partial<PollDecision> & { delayMs: number } = task
      ? planNextPoll({
          schedule: options.schedule,
          memory: state,
          random: Math.random,
          aimOffset: aimOffsetOf(workflowInfo().workflowId),
        })
      : { delayMs: options.schedule.minIntervalMs };
    scheduleNextPoll(state, Date.now() + decision.delayMs, decision);
    hooks.onScheduled?.();
    if (hooks.shouldContinueAsNew?.()) {
      // Here, not in the caller: a cancellation arriving meanwhile still takes the caller's cancel path.
      await condition(allHandlersFinished);
      return { kind: 'continue-as-new' };
    }
  }
}

/**
 * Cancels the import and keeps polling until the service reports a terminal status (normally CANCELLED),
 * for at most `cancelConfirmTimeoutMs`. Callers run it in a non-cancellable scope when the workflow itself
 * is being cancelled. If the import cannot be cancelled or confirmed, the failure says it may still run.
 */
export async function cancelImportAndConfirm(
  options: WaitLoopOptions,
  state: WaitLoopState,
  hooks: WaitLoopHooks = {},
): Promise<ImportTaskSnapshot> {
  const deadlineAtMs = Date.now() + options.cancelConfirmTimeoutMs;
  const { cancelImportTask } = proxyNeptuneImportActivities({
    summary: `CancelImportTask ${options.taskIdentifier}`,
    scheduleToCloseTimeout: options.cancelConfirmTimeoutMs,
  });
  try {
    const { task, alreadyEnded } = await cancelImportTask({ taskIdentifier: options.taskIdentifier });
    if (alreadyEnded) return task;
    state.pollNowRequested = false;
    scheduleNextPoll(state, Date.now() + options.schedule.minIntervalMs);
    const outcome = await runWaitLoop({ ...options, deadlineAtMs }, state, {
      ...hooks,
      shouldContinueAsNew: () => false,
    });
    if (outcome.kind !== 'terminal') throw new Error('unreachable: continue-as-new is off while cancelling');
    return outcome.task;
  } catch (error) {
    throw cancelFailedFailure(
      options.taskIdentifier,
      options.cancelConfirmTimeoutMs,
      lastSnapshot(state),
      error instanceof Error ? error : undefined,
    );
  }
}
