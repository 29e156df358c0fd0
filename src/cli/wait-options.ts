import type { Command } from 'commander';
import { describeReceived, InvalidInputError } from '../model/invalid-input';
import type { AwaitImportTaskInput } from '../model/wait-types';

/** The wait's options as flags, shared by `wait`, `start`, `create-graph`. */
export interface WaitFlags {
  taskQueue: string;
  deadline?: string;
  initialInterval?: string;
  minInterval?: string;
  maxInterval?: string;
  cancelImportOnCancel?: boolean;
  searchAttributes?: boolean;
  json?: boolean;
  detach?: boolean;
}

export const DEFAULT_TASK_QUEUE = 'neptune-import';

export function addWaitFlags(command: Command): Command {
  return command
    .option('--task-queue <name>', "the workers' task queue", DEFAULT_TASK_QUEUE)
    .option('--deadline <duration>', "stop waiting after this long (e.g. '12 hours')")
    .option(
      '--initial-interval <duration>',
      'first backoff after the first poll, while nothing predicts the end (default 1 min)',
    )
    .option('--min-interval <duration>', 'shortest poll interval (default 5 s)')
    .option('--max-interval <duration>', 'longest poll interval (default 5 min)')
    .option('--cancel-import-on-cancel', 'cancel the import itself when the wait is cancelled or times out')
    .option('--no-search-attributes', 'never write the Neptune* search attributes')
    .option('--json', 'print the result object, and nothing else, on stdout')
    .option(
      '--detach',
      'start and return at once: the workflow goes on (follow it with `status <task>` or the Web UI)',
    );
}

type Duration = NonNullable<AwaitImportTaskInput['deadline']>;

/**
 * The wait's input from the flags. Durations stay strings: the library's own input check rejects a bad one,
 * naming it, before anything starts.
 */
export function waitInputOf(flags: WaitFlags): Omit<AwaitImportTaskInput, 'taskIdentifier'> {
  checkTaskQueue(flags.taskQueue);
  // Given, even empty: `--deadline ''` is refused, naming it, not read as no deadline.
  const polling = {
    ...(flags.initialInterval !== undefined && { initialInterval: flags.initialInterval as Duration }),
    ...(flags.minInterval !== undefined && { minInterval: flags.minInterval as Duration }),
    ...(flags.maxInterval !== undefined && { maxInterval: flags.maxInterval as Duration }),
  };
  return {
    ...(flags.deadline !== undefined && { deadline: flags.deadline as Duration }),
    ...(Object.keys(polling).length > 0 && { polling }),
    ...(flags.cancelImportOnCancel && { cancelImportOnCancel: true }),
    ...(flags.searchAttributes === false && { searchAttributes: false }),
  };
}

/** A task queue name as Temporal takes it: not empty, nor only white space. */
export function checkTaskQueue(taskQueue: string): void {
  if (taskQueue.trim() === '') {
    throw new InvalidInputError('--task-queue', describeReceived(taskQueue), 'a task queue name');
  }
}
