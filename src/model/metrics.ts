/**
 * The domain metrics this library records through the Temporal SDK's metric meter (so they leave the
 * worker wherever its runtime sends metrics, e.g. its Prometheus endpoint). Names and labels are part of
 * the public surface: dashboards and alerts are built on them (README, "Metrics").
 */

/** The names of this library's metrics (README, "Metrics and logs"). */
export const NEPTUNE_IMPORT_METRICS = Object.freeze({
  /** Counter, label `status`: GetImportTask answers, by the status they reported. */
  getImportTaskCalls: 'neptune_import_get_import_task_calls',
  /** Counter, labels `operation`, `failure_type`: failed Neptune calls, by how they were classified. */
  failures: 'neptune_import_failures',
  /** Counter, label `outcome` (WAIT_OUTCOMES): waits that ended. */
  waitsEnded: 'neptune_import_waits_ended',
  /** Histogram (seconds): from the task's end (startTime + timeElapsedSeconds) to the answer that showed it. */
  detectionDelay: 'neptune_import_detection_delay_seconds',
  /**
   * Histogram (seconds), label `direction` (`early` or `late`): how far the last predicted end was from the
   * real one.
   */
  predictedEndError: 'neptune_import_predicted_end_error_seconds',
  /**
   * Counter, labels `kind` (activity, workflow, signal), `status` (completed, failed, already-ran, skipped):
   * pipeline steps.
   */
  pipelineSteps: 'neptune_import_pipeline_steps',
});

/** How a wait ended, as the `outcome` label of `neptune_import_waits_ended`. */
export const WAIT_OUTCOMES = [
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'DELETED',
  'timed_out',
  'cancel_failed',
  'permanent_error',
  'invalid_input',
  'wait_cancelled',
] as const;
/** One of WAIT_OUTCOMES. */
export type WaitOutcome = (typeof WAIT_OUTCOMES)[number];
