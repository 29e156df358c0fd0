import type { ActivityOptions } from '@temporalio/common';
import type { ActivityStep } from './pipeline-types';

/** A step whose activity no worker picks up for this long fails (Temporal does not retry it). */
export const DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT = '30 minutes';
export const DEFAULT_STEP_START_TO_CLOSE_TIMEOUT = '10 minutes';
/**
 * The SDK's failure type for an activity the worker that took it does not register. The SDK marks it
 * retryable, so a misspelt `activityType` would be retried for ever: a step does not retry it.
 */
export const UNREGISTERED_ACTIVITY_FAILURE_TYPE = 'NotFoundError';

/**
 * How the pipeline schedules an activity step: under its step id, with the step's own options, and
 * (`bounded`, for pipelines started since 0.4.0) bounded where nothing would serve it: no worker polling
 * its queue, or none registering its type. A step that lists its own `nonRetryableErrorTypes` gets that
 * list as it is: the way for an activity whose own `NotFoundError` must be retried.
 */
export function activityStepOptions(
  step: ActivityStep,
  stepId: string,
  name: string,
  { bounded }: { bounded: boolean },
): ActivityOptions {
  const ownTypes = step.retry?.nonRetryableErrorTypes !== undefined;
  return {
    activityId: stepId,
    summary: `Pipeline step ${name}`,
    startToCloseTimeout: step.startToCloseTimeout ?? DEFAULT_STEP_START_TO_CLOSE_TIMEOUT,
    ...(bounded && {
      scheduleToStartTimeout: step.scheduleToStartTimeout ?? DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT,
    }),
    ...(step.scheduleToCloseTimeout !== undefined && { scheduleToCloseTimeout: step.scheduleToCloseTimeout }),
    ...(step.heartbeatTimeout !== undefined && { heartbeatTimeout: step.heartbeatTimeout }),
    ...((step.retry !== undefined || bounded) && {
      retry: {
        ...step.retry,
        ...(bounded && !ownTypes && { nonRetryableErrorTypes: [UNREGISTERED_ACTIVITY_FAILURE_TYPE] }),
      },
    }),
    ...(step.taskQueue !== undefined && { taskQueue: step.taskQueue }),
  };
}
