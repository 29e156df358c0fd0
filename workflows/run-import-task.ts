import {
  ChildWorkflowFailure,
  executeChild,
  isCancellation,
  patched,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { resolveRunImportTask } from '../src/model/resolve-import-start';
import { readableStrictly } from '../src/model/resolve-wait-options';
import type { RunImportTaskInput, RunImportTaskResult, RunImportTaskStatus } from '../src/model/run-types';
import { runDetailsMarkdown } from '../src/model/wait-presentation';
import { awaitImportTask } from './await-import-task';
import { childWaitFailure, invalidInputFailure } from './failures';
import { runStatusQuery } from './messages';
import { remainingDeadline, startImport, waitInputAfterStart } from './start-import';
import { STRICT_INPUT } from './wait-for-import-task';

function resolveOrFail(input: RunImportTaskInput): ReturnType<typeof resolveRunImportTask> {
  try {
    return resolveRunImportTask(input, { lenient: !patched(STRICT_INPUT) });
  } catch (error) {
    throw invalidInputFailure(`Cannot run an import task: ${(error as Error).message}`, error as Error);
  }
}

/**
 * Starts a Neptune Analytics import (StartImportTask into a graph, or CreateGraphUsingImportTask for a new
 * one) exactly once, then waits for it to end as the child workflow `<id>/await` (an `awaitImportTask`,
 * with its own bounded history, search attributes, status query and pollNow signal). Returns the wait's
 * result with the task, its graph and its AWS console page; fails as the wait does (ImportTaskFailed, …).
 *
 * A retried start, a worker that dies mid-start or a rerun while the import runs never start a second
 * import: the start activity finds what was started (by graph and source, or by graph name).
 */
export async function runImportTask(input: RunImportTaskInput): Promise<RunImportTaskResult> {
  const { start, settings } = resolveOrFail(input);
  const workflowId = workflowInfo().workflowId;
  let status: RunImportTaskStatus = { stage: 'starting' };
  setHandler(runStatusQuery, () => status);
  setCurrentDetails(runDetailsMarkdown({ operation: start.operation, subject: start.subject }));
  const startedAtMs = Date.now();
  const started = await startImport(start, settings);
  const taskIdentifier = started.task.taskId;
  const graphId = started.task.graphId ?? '';
  const waitWorkflowId = `${workflowId}/await`;
  status = { stage: 'waiting', taskIdentifier, graphId, consoleUrl: started.consoleUrl, waitWorkflowId };
  setCurrentDetails(
    runDetailsMarkdown({ operation: start.operation, subject: start.subject, started, waitWorkflowId }),
  );
  const childInput = waitInputAfterStart(
    input,
    taskIdentifier,
    remainingDeadline(settings.deadlineMs, startedAtMs),
  );
  try {
    // A run that read its input leniently (started before 0.3.0) hands its child, which reads strictly, the
    // same meaning in a form the strict reading takes.
    const wait = await executeChild(awaitImportTask, {
      workflowId: waitWorkflowId,
      args: [patched(STRICT_INPUT) ? childInput : readableStrictly(childInput)],
      staticSummary: `Wait for Neptune Analytics import task ${taskIdentifier}`,
    });
    return {
      ...wait,
      taskIdentifier,
      graphId,
      consoleUrl: started.consoleUrl,
      alreadyStarted: started.alreadyStarted,
    };
  } catch (error) {
    if (isCancellation(error) || !(error instanceof ChildWorkflowFailure)) throw error;
    throw childWaitFailure(error);
  }
}
