import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { awaitImportTaskWorkflowId, startAwaitImportTask } from '../temporal/start-await-import-task';
import { formatDuration } from '../model/durations';
import type { AwaitImportTaskInput, AwaitImportTaskResult, ImportTaskWaitStatus } from '../model/wait-types';
import { connectClient } from './temporal-connection';

export interface WaitCommandOptions {
  taskQueue: string;
  deadline?: string;
  initialInterval?: string;
  minInterval?: string;
  maxInterval?: string;
  cancelImportOnCancel?: boolean;
  searchAttributes?: boolean;
  /** Start the wait and return without following it. */
  detach?: boolean;
  /** How often to ask the workflow for its status (ms). */
  refreshMs?: number;
  print?: (line: string) => void;
}

function describe(status: ImportTaskWaitStatus, now: number): string {
  const task = status.task;
  if (!task) return 'waiting for the first answer';
  const progress = task.details?.progressPercentage;
  const statements = task.details?.statementCount;
  const parts = [
    `${task.status}${progress !== undefined ? ` ${progress}%` : ''}`,
    statements !== undefined ? `${statements.toLocaleString('en-US')} statements` : undefined,
    `${status.polls} poll${status.polls === 1 ? '' : 's'}`,
    status.nextPollAt ? `next in ${formatDuration(Date.parse(status.nextPollAt) - now)}` : undefined,
  ];
  return parts.filter(Boolean).join(' · ');
}

/**
 * `neptune-import wait <task>`: starts (or joins) the durable wait for a task and follows it. Ctrl-C only
 * stops following: the wait goes on in Temporal. Exit code 0 on SUCCEEDED, 1 otherwise.
 */
export async function runWaitCommand(taskIdentifier: string, options: WaitCommandOptions): Promise<number> {
  const print = options.print ?? ((line: string) => console.log(line));
  const input: AwaitImportTaskInput = { taskIdentifier };
  // Durations stay strings here: the wait's own input check rejects a bad one, naming it.
  type Duration = NonNullable<AwaitImportTaskInput['deadline']>;
  if (options.deadline) input.deadline = options.deadline as Duration;
  const polling = {
    ...(options.initialInterval && { initialInterval: options.initialInterval as Duration }),
    ...(options.minInterval && { minInterval: options.minInterval as Duration }),
    ...(options.maxInterval && { maxInterval: options.maxInterval as Duration }),
  };
  if (Object.keys(polling).length > 0) input.polling = polling;
  if (options.cancelImportOnCancel) input.cancelImportOnCancel = true;
  if (options.searchAttributes === false) input.searchAttributes = false;

  const { client, close } = await connectClient();
  try {
    let handle: WorkflowHandle<(input: AwaitImportTaskInput) => Promise<AwaitImportTaskResult>>;
    try {
      handle = await startAwaitImportTask(client, input, { taskQueue: options.taskQueue });
      print(`Started workflow ${handle.workflowId} to wait for ${taskIdentifier}`);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      handle = client.workflow.getHandle(awaitImportTaskWorkflowId(taskIdentifier));
      print(`Following the wait already running as workflow ${handle.workflowId}`);
    }
    if (options.detach) return 0;

    let lastLine = '';
    const follow = setInterval(() => {
      handle.query<ImportTaskWaitStatus>('status').then(
        (status) => {
          const line = describe(status, Date.now());
          if (line.replace(/ · next in .*$/, '') !== lastLine.replace(/ · next in .*$/, ''))
            print(`${taskIdentifier}: ${line}`);
          lastLine = line;
        },
        () => undefined, // between runs (continue-as-new) a query can miss: the next one answers
      );
    }, options.refreshMs ?? 2000);
    try {
      const result = await handle.result();
      print(
        `${taskIdentifier}: ${result.task.status} after ${formatDuration(result.waitedMs)} ` +
          `(${result.polls} polls, ${result.runs} run${result.runs === 1 ? '' : 's'})`,
      );
      return 0;
    } catch (error) {
      const failure = error instanceof WorkflowFailedError ? error.cause : undefined;
      if (failure instanceof ApplicationFailure) {
        print(`${taskIdentifier}: ${failure.type ?? 'failed'}: ${failure.message}`);
        return 1;
      }
      throw error;
    } finally {
      clearInterval(follow);
    }
  } finally {
    await close();
  }
}
