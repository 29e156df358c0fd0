import {
  ChildWorkflowFailure,
  executeChild,
  isCancellation,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { resolveRunImportTask } from '../src/model/resolve-import-start';
import { readsAsToday, type InputReading } from '../src/model/input-reading';
import { readableStrictly } from '../src/model/resolve-wait-options';
import type { RunImportTaskInput, RunImportTaskResult, RunImportTaskStatus } from '../src/model/run-types';
import { runDetailsMarkdown } from '../src/model/wait-presentation';
import { awaitImportTask } from './await-import-task';
import { childWaitFailure, invalidInputFailure } from './failures';
import { runStatusQuery } from './messages';
import { remainingDeadline, startImport, waitInputAfterStart } from './start-import';
import { runReading } from './input-reading';
import { refuseMissingSearchAttributes } from './search-attributes-enabled';

function resolveOrFail(input: RunImportTaskInput, reading: InputReading) {
  try {
    return resolveRunImportTask(input, reading);
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
  // Taken once, at the start: a patch not found while replaying is decided again once the run goes live.
  const reading = runReading();
  const { start, settings } = resolveOrFail(input, reading);
  if (settings.searchAttributes === true) await refuseMissingSearchAttributes(reading);
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
    // A run that read its input by an older reading hands its child, which reads as today, the same meaning
    // in a form today's reading takes.
    const wait = await executeChild(awaitImportTask, {
      workflowId: waitWorkflowId,
      args: [readsAsToday(reading) ? childInput : readableStrictly(childInput)],
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
