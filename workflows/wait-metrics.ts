/**
 * The domain metrics a wait records, through the workflow's metric meter (the SDK drops them on replay, so
 * each is counted once however often a workflow is replayed).
 */
import { ApplicationFailure, isCancellation, metricMeter, TemporalFailure } from '@temporalio/workflow';
import { FailureType, WaitFailureType } from '../src/model/failure-types';
import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import { NEPTUNE_IMPORT_METRICS, type WaitOutcome } from '../src/model/metrics';
import type { PipelineStepOutcome } from '../src/model/pipeline-types';

const OUTCOME_OF_FAILURE_TYPE: Partial<Record<string, WaitOutcome>> = {
  [WaitFailureType.IMPORT_TASK_FAILED]: 'FAILED',
  [WaitFailureType.IMPORT_TASK_CANCELLED]: 'CANCELLED',
  [WaitFailureType.IMPORT_TASK_DELETED]: 'DELETED',
  [WaitFailureType.WAIT_TIMED_OUT]: 'timed_out',
  [WaitFailureType.IMPORT_CANCEL_FAILED]: 'cancel_failed',
  [FailureType.INVALID_INPUT]: 'invalid_input',
};

const OUTCOME_OF_PHASE: Partial<Record<ImportTaskSnapshot['phase'], WaitOutcome>> = {
  succeeded: 'SUCCEEDED',
  failed: 'FAILED',
  cancelled: 'CANCELLED',
  deleted: 'DELETED',
};

function recordWaitEnded(outcome: WaitOutcome): void {
  metricMeter.createCounter(NEPTUNE_IMPORT_METRICS.waitsEnded).add(1, { outcome });
}

/**
 * Runs a wait and counts how it ended: by the terminal status it returned, or by the failure that fails the
 * workflow. Anything else is not an end: a continue-as-new, or a plain error, which fails the workflow task
 * (retried) rather than the workflow.
 */
export async function countingWaitOutcome<T extends { task: ImportTaskSnapshot }>(
  wait: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await wait();
  } catch (error) {
    if (error instanceof TemporalFailure) {
      const type = error instanceof ApplicationFailure ? error.type : undefined;
      const failed = (type ? OUTCOME_OF_FAILURE_TYPE[type] : undefined) ?? 'permanent_error';
      recordWaitEnded(isCancellation(error) ? 'wait_cancelled' : failed);
    }
    throw error;
  }
  recordWaitEnded(OUTCOME_OF_PHASE[result.task.phase] ?? 'SUCCEEDED');
  return result;
}

/**
 * On the answer that shows the task ended: how long after its end (startTime + timeElapsedSeconds) it was
 * seen, and how far the last predicted end was from it.
 */
export function recordTerminalAnswer(task: ImportTaskSnapshot, predictedEndAtMs: number | undefined): void {
  const endedAtMs =
    Date.parse(task.details?.startTime ?? '') + (task.details?.timeElapsedSeconds ?? NaN) * 1000;
  if (!Number.isFinite(endedAtMs)) return;
  const delayS = (Date.parse(task.observedAt) - endedAtMs) / 1000;
  if (delayS >= 0) {
    metricMeter.createHistogram(NEPTUNE_IMPORT_METRICS.detectionDelay, 'float').record(delayS);
  }
  if (predictedEndAtMs !== undefined && task.phase === 'succeeded') {
    const errorS = (predictedEndAtMs - endedAtMs) / 1000;
    metricMeter
      .createHistogram(NEPTUNE_IMPORT_METRICS.predictedEndError, 'float')
      .record(Math.abs(errorS), { direction: errorS < 0 ? 'early' : 'late' });
  }
}

/** One pipeline step ran (or was skipped). */
export function recordPipelineStep(outcome: Pick<PipelineStepOutcome, 'kind' | 'status'>): void {
  metricMeter
    .createCounter(NEPTUNE_IMPORT_METRICS.pipelineSteps)
    .add(1, { kind: outcome.kind, status: outcome.status });
}
