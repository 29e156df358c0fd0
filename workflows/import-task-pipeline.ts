import {
  ActivityFailure,
  ChildWorkflowFailure,
  executeChild,
  getExternalWorkflowHandle,
  isCancellation,
  proxyActivities,
  workflowInfo,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type {
  ImportTaskPipelineInput,
  ImportTaskPipelineResult,
  PipelineStep,
  PipelineStepContext,
  PipelineStepOutcome,
} from '../src/model/pipeline-types';
import { readsAsToday, type InputReading } from '../src/model/input-reading';
import { withinField } from '../src/model/invalid-input';
import { planPipelineSteps, type PlannedStep } from '../src/model/pipeline-plan';
import { activityStepOptions } from '../src/model/pipeline-step-options';
import { NEPTUNE_IMPORT_TASK_ID } from '../src/model/search-attributes';
import type { AwaitImportTaskInput, AwaitImportTaskResult } from '../src/model/wait-types';
import { resolveImportStart, type ResolvedImportStart } from '../src/model/resolve-import-start';
import {
  readableStrictly,
  resolveWaitSettings,
  type ResolvedWaitSettings,
} from '../src/model/resolve-wait-options';
import { awaitImportTask } from './await-import-task';
import { remainingDeadline, startImport, waitInputAfterStart } from './start-import';
import { importEndedFailure, invalidInputFailure, pipelineStepFailure, reportingFailure } from './failures';
import { recordPipelineStep } from './wait-metrics';
import { createPipelineView, type PipelineView } from './pipeline-view';
import { runReading, type RunReading } from './input-reading';
import { refuseMissingSearchAttributes } from './search-attributes-enabled';

/** Pipelines started before 0.2.0 took any step name; replaying them must not start refusing one. */
const STRING_STEP_NAMES = 'pipeline-step-names-are-strings';

/** Checks every step up front: a typo must fail the pipeline before it waits for hours, not after. */
function plan(input: ImportTaskPipelineInput, pipelineWorkflowId: string, reading: RunReading) {
  try {
    const planned = planPipelineSteps(input, pipelineWorkflowId, {
      anyName: !reading.takes(STRING_STEP_NAMES),
      lenient: reading.lenient,
      before040: reading.before040,
    });
    // The wait's settings too, before anything starts: the child would only refuse them after the start.
    if (!reading.lenient && typeof input.await === 'object' && input.await !== null) {
      const { taskIdentifier: _task, ...settings } = input.await as AwaitImportTaskInput;
      withinField('await', () => resolveWaitSettings(settings, reading));
    }
    return planned;
  } catch (error) {
    throw invalidInputFailure(`Invalid pipeline: ${(error as Error).message}`, error as Error);
  }
}

async function runStepOnce(
  { step, kind, stepId, name }: PlannedStep,
  context: PipelineStepContext,
  reading: InputReading,
): Promise<unknown> {
  const args = [context, ...(step.args ?? [])];
  if (kind === 'childWorkflow') {
    const child = step as Extract<PipelineStep, { workflowType: string }>;
    return executeChild(child.workflowType, {
      workflowId: stepId,
      args,
      // A rerun of the pipeline must not run a step that already ran under this id.
      // (A step whose earlier run failed may run again.)
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
      ...(child.taskQueue !== undefined && { taskQueue: child.taskQueue }),
      ...(child.workflowExecutionTimeout !== undefined && {
        workflowExecutionTimeout: child.workflowExecutionTimeout,
      }),
    });
  }
  if (kind === 'activity') {
    const activity = step as Extract<PipelineStep, { activityType: string }>;
    const proxy = proxyActivities<Record<string, (...a: unknown[]) => Promise<unknown>>>(
      activityStepOptions(activity, stepId, name, { bounded: readsAsToday(reading) }),
    );
    return proxy[activity.activityType]!(...args);
  }
  const signal = step as Extract<PipelineStep, { signalName: string }>;
  await getExternalWorkflowHandle(signal.workflowId).signal(signal.signalName, ...args);
  return undefined;
}

/** How the steps run: their context, the pipeline's view, and how the pipeline read its input. */
interface StepRun {
  context: Omit<PipelineStepContext, 'stepId'>;
  view: PipelineView;
  reading: InputReading;
}

async function runStep(planned: PlannedStep, run: StepRun): Promise<PipelineStepOutcome> {
  run.view.stepStarted(planned);
  const outcome = await runStepToOutcome(planned, run);
  recordPipelineStep(outcome);
  run.view.stepEnded(outcome);
  return outcome;
}

async function runStepToOutcome(planned: PlannedStep, run: StepRun): Promise<PipelineStepOutcome> {
  const outcome = { name: planned.name, stepId: planned.stepId, kind: planned.kind };
  try {
    const result = await runStepOnce(planned, { ...run.context, stepId: planned.stepId }, run.reading);
    return { ...outcome, status: 'completed', ...(result !== undefined && { result }) };
  } catch (error) {
    if (isCancellation(error)) throw error;
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { ...outcome, status: 'already-ran' };
    // "Activity task failed" and "Child Workflow execution failed" say nothing: the cause does.
    const wrapped = error instanceof ActivityFailure || error instanceof ChildWorkflowFailure;
    const cause = wrapped && error.cause ? error.cause : (error as Error);
    return { ...outcome, status: 'failed', error: cause.message };
  }
}

async function runSteps(
  steps: PlannedStep[],
  parallel: boolean,
  run: StepRun,
): Promise<PipelineStepOutcome[]> {
  if (parallel) return Promise.all(steps.map((step) => runStep(step, run)));
  const outcomes: PipelineStepOutcome[] = [];
  for (const step of steps) {
    if (outcomes.some((outcome) => outcome.status === 'failed')) {
      const skipped: PipelineStepOutcome = {
        name: step.name,
        stepId: step.stepId,
        kind: step.kind,
        status: 'skipped',
      };
      recordPipelineStep(skipped);
      run.view.stepEnded(skipped);
      outcomes.push(skipped);
    } else {
      outcomes.push(await runStep(step, run));
    }
  }
  return outcomes;
}

function startsAnImport(input: ImportTaskPipelineInput): boolean {
  return input.start !== undefined || input.createGraph !== undefined;
}

/** With `start` or `createGraph`: starts the import once, before the wait (checked first, like the steps). */
async function startIfAsked(input: ImportTaskPipelineInput, reading: InputReading) {
  if (!startsAnImport(input)) return undefined;
  let start: ResolvedImportStart;
  let settings: ResolvedWaitSettings;
  try {
    start = resolveImportStart(input, reading);
    settings = withinField('await', () => resolveWaitSettings(input.await ?? {}, reading));
  } catch (error) {
    throw invalidInputFailure(
      `Cannot start the pipeline's import: ${(error as Error).message}`,
      error as Error,
    );
  }
  if (settings.searchAttributes === true) await refuseMissingSearchAttributes(reading);
  const startedAtMs = Date.now();
  const { task, consoleUrl, alreadyStarted } = await startImport(start, settings);
  return {
    taskIdentifier: task.taskId,
    graphId: task.graphId ?? '',
    consoleUrl,
    alreadyStarted,
    deadlineMs: remainingDeadline(settings.deadlineMs, startedAtMs),
  };
}

/** The wait runs as a child workflow, so its continue-as-new keeps the pipeline's own history small. */
async function awaitAsChild(
  input: ImportTaskPipelineInput & { await: AwaitImportTaskInput },
  waitWorkflowId: string,
  reading: InputReading,
): Promise<AwaitImportTaskResult> {
  // The pipeline's own start proved the namespace has the attributes: the child may use them too.
  const provenAttributes = workflowInfo().typedSearchAttributes.get(NEPTUNE_IMPORT_TASK_ID) !== undefined;
  try {
    return await executeChild(awaitImportTask, {
      workflowId: waitWorkflowId,
      // A pipeline that read its input by an older reading hands its child, which reads as today, the same
      // meaning in a form today's reading takes.
      args: [
        readsAsToday(reading)
          ? { ...input.await, returnOnAnyTerminal: true }
          : readableStrictly({ ...input.await, returnOnAnyTerminal: true }),
      ],
      ...(provenAttributes &&
        typeof input.await?.taskIdentifier === 'string' && {
          typedSearchAttributes: [{ key: NEPTUNE_IMPORT_TASK_ID, value: input.await.taskIdentifier }],
        }),
    });
  } catch (error) {
    if (isCancellation(error) || !(error instanceof ChildWorkflowFailure)) throw error;
    throw reportingFailure(error, 'The wait for the import task ended without a terminal status');
  }
}

/**
 * Waits for an import task to end, then runs the steps for how it ended — child workflows, activities or
 * signals — in order or in parallel, only after a terminal status. Each step runs once per pipeline run,
 * whatever replays, retries and worker restarts happen, under a deterministic id (`<pipeline id>/<step
 * name>`). Across reruns of a pipeline id, a child-workflow step that completed is not run again; activity
 * and signal steps receive that id as `stepId` for their own idempotency.
 */
export async function importTaskPipeline(input: ImportTaskPipelineInput): Promise<ImportTaskPipelineResult> {
  const pipelineWorkflowId = workflowInfo().workflowId;
  const reading = runReading();
  const planned = plan(input, pipelineWorkflowId, reading);
  const waitWorkflowId = `${pipelineWorkflowId}/await`;
  const view = createPipelineView(waitWorkflowId, planned, startsAnImport(input));
  const started = await startIfAsked(input, reading);
  const wait = await awaitAsChild(
    started
      ? {
          ...input,
          await: waitInputAfterStart({ ...input.await }, started.taskIdentifier, started.deadlineMs),
        }
      : (input as ImportTaskPipelineInput & { await: AwaitImportTaskInput }),
    waitWorkflowId,
    reading,
  );
  const outcome = wait.task.phase === 'succeeded' ? 'onSucceeded' : 'onFailed';
  view.runningSteps(outcome);
  const steps = await runSteps(planned[outcome], input.parallel === true, {
    context: { task: wait.task, pipelineWorkflowId },
    view,
    reading,
  });
  const result: ImportTaskPipelineResult = {
    ...(started && {
      started: {
        taskIdentifier: started.taskIdentifier,
        graphId: started.graphId,
        consoleUrl: started.consoleUrl,
        alreadyStarted: started.alreadyStarted,
      },
    }),
    wait,
    steps,
  };
  const failedStep = steps.find((step) => step.status === 'failed');
  view.ended(failedStep ? `step ${failedStep.name} failed` : `done: the import ended ${wait.task.status}`);
  if (failedStep) throw pipelineStepFailure(failedStep.name, failedStep.error, result);
  const ended = importEndedFailure(wait.task, [result]);
  if (ended) throw ended;
  return result;
}
