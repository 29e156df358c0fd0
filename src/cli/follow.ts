import { WorkflowFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { RunImportTaskStatus } from '../model/run-types';
import type { ImportTaskWaitStatus } from '../model/wait-types';
import type { ProgressView } from './progress-view';

/** How following ended: the workflow's result or failure, or Ctrl-C (the workflow goes on). */
export type Followed<T> = { result: T } | { failure: ApplicationFailure | Error } | { interrupted: true };

/** Where to find the wait's status: the workflow itself, or (for a run) the wait it started. */
export type StatusSource = () => Promise<ImportTaskWaitStatus | undefined>;

/** The `status` of a wait workflow; between runs (continue-as-new) a query can miss: the next one answers. */
export function waitStatusOf(handle: WorkflowHandle): StatusSource {
  return () => handle.query<ImportTaskWaitStatus>('status').catch(() => undefined);
}

/**
 * The status of the wait a `runImportTask` (or pipeline) started: its own `status` says which child waits;
 * `onStarted` hears once when the task is known.
 */
export function runStatusOf(
  client: Client,
  handle: WorkflowHandle,
  onStarted: (run: RunImportTaskStatus) => void,
): StatusSource {
  let waitStatus: StatusSource | undefined;
  return async () => {
    if (!waitStatus) {
      const run = await handle.query<RunImportTaskStatus>('status').catch(() => undefined);
      if (!run?.waitWorkflowId) return undefined;
      onStarted(run);
      waitStatus = waitStatusOf(client.workflow.getHandle(run.waitWorkflowId));
    }
    return waitStatus();
  };
}

/**
 * Follows a workflow to its end: its status every `refreshMs` into `view`, then its result or failure.
 * Stopping the command (Ctrl-C) stops only the following: the workflow goes on in Temporal.
 */
export async function follow<T>(
  handle: WorkflowHandle,
  status: StatusSource,
  view: ProgressView,
  refreshMs: number,
): Promise<Followed<T>> {
  let stopped = false;
  const refresh = async () => {
    const current = await status();
    if (current && !stopped) view.update(current);
  };
  const timer = setInterval(() => void refresh(), refreshMs);
  void refresh();
  // Ctrl-C (or SIGTERM) stops following, not the workflow: the live display is closed properly first.
  let onSignal = () => {};
  const interrupted = new Promise<{ interrupted: true }>((resolve) => {
    onSignal = () => resolve({ interrupted: true });
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  });
  try {
    return await Promise.race([handle.result().then((result) => ({ result: result as T })), interrupted]);
  } catch (error) {
    const failure = error instanceof WorkflowFailedError ? error.cause : undefined;
    if (failure instanceof ApplicationFailure) return { failure };
    if (error instanceof WorkflowFailedError) return { failure: error };
    throw error;
  } finally {
    stopped = true;
    clearInterval(timer);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    view.stop();
  }
}
