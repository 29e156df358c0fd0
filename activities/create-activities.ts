import {
  CancelImportTaskCommand,
  GetImportTaskCommand,
  ListImportTasksCommand,
  type NeptuneGraphClient,
  StartImportTaskCommand,
} from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { type ImportTaskSnapshot, toImportTaskSnapshot } from '../src/model/import-task-snapshot';
import {
  type StartImportTaskInput,
  validateStartImportTaskInput,
  validateTaskIdentifier,
} from '../src/model/input-validation';
import { createNeptuneGraphClient, type NeptuneClientSettings } from '../src/neptune/create-client';
import { isTerminalPhase, phaseOfStatus } from '../src/model/status-model';
import { toActivityFailure, type NeptuneOperation } from './activity-failure';

/** How the activities reach Neptune Analytics: a client of yours, or settings to build one. */
export interface NeptuneImportActivitiesOptions {
  /** A client to use as is. Otherwise one is built, once, from `clientSettings` and the AWS defaults. */
  client?: NeptuneGraphClient;
  clientSettings?: NeptuneClientSettings;
}

/** Input of the `getImportTask` activity. */
export interface GetImportTaskInput {
  taskIdentifier: string;
  /**
   * ISO-8601 time until which ResourceNotFoundException is retryable (`NeptuneTaskNotFoundYet`): the service
   * is eventually consistent right after StartImportTask. Set by workflows that started the task themselves.
   */
  notFoundGraceUntil?: string;
}

/** What the `startImportTask` activity returns. */
export interface StartImportTaskResult {
  task: ImportTaskSnapshot;
  /** True when a retried start found this task already running and returned it instead of starting another. */
  alreadyStarted: boolean;
}

/** Input of the `cancelImportTask` activity. */
export interface CancelImportTaskInput {
  taskIdentifier: string;
}

/** What the `cancelImportTask` activity returns. */
export interface CancelImportTaskResult {
  task: ImportTaskSnapshot;
  /** True when the task had already ended, so there was nothing to cancel (not an error). */
  alreadyEnded: boolean;
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * The activities of this library, registered under their property names (`getImportTask`, ...). Workflows
 * proxy them with `proxyActivities<NeptuneImportActivities>()` and a type-only import.
 */
export function createNeptuneImportActivities(options: NeptuneImportActivitiesOptions = {}) {
  let client = options.client;
  // Built on first use, not at worker start: a missing region then fails an activity (classified, not
  // retried) instead of crashing the worker.
  const neptune = () => (client ??= createNeptuneGraphClient(options.clientSettings));

  /**
   * One request: the activity's cancellation aborts it (and is rethrown as such); any other error may be
   * turned into an answer by `recover` (returning undefined declines), and is classified otherwise.
   */
  async function call<T>(
    operation: NeptuneOperation,
    subject: string,
    send: (abortSignal: AbortSignal) => Promise<T>,
    options: { notFoundIsTransient?: boolean; recover?: (error: unknown) => Promise<T | undefined> } = {},
  ): Promise<T> {
    const signal = Context.current().cancellationSignal;
    try {
      return await send(signal);
    } catch (error) {
      if (signal.aborted) throw signal.reason ?? error;
      const recovered = await options.recover?.(error);
      if (recovered !== undefined) return recovered;
      throw toActivityFailure(error, operation, subject, {
        notFoundIsTransient: options.notFoundIsTransient,
      });
    }
  }

  /** Input checks run before any request; what they reject fails the activity, not retried. */
  function checked<T>(operation: NeptuneOperation, validate: () => T): T {
    try {
      return validate();
    } catch (error) {
      throw toActivityFailure(error, operation, '');
    }
  }

  async function getImportTask(input: GetImportTaskInput): Promise<ImportTaskSnapshot> {
    const taskIdentifier = checked('GetImportTask', () => validateTaskIdentifier(input?.taskIdentifier));
    const graceUntil = input.notFoundGraceUntil ? Date.parse(input.notFoundGraceUntil) : NaN;
    const answer = await call(
      'GetImportTask',
      taskIdentifier,
      (abortSignal) => neptune().send(new GetImportTaskCommand({ taskIdentifier }), { abortSignal }),
      { notFoundIsTransient: Date.now() < graceUntil },
    );
    return toImportTaskSnapshot(answer, new Date(), taskIdentifier);
  }

  /** Pages through ListImportTasks for a running task of the same graph and source. */
  async function findRunningImport(request: StartImportTaskInput): Promise<ImportTaskSnapshot | undefined> {
    let nextToken: string | undefined;
    do {
      const page = await call('ListImportTasks', request.graphIdentifier, (abortSignal) =>
        neptune().send(new ListImportTasksCommand({ maxResults: 100, nextToken }), { abortSignal }),
      );
      const match = page.tasks?.find(
        (task) =>
          task.graphId === request.graphIdentifier &&
          task.source === request.source &&
          !isTerminalPhase(phaseOfStatus(task.status)),
      );
      if (match) return toImportTaskSnapshot(match, new Date(), match.taskId ?? '');
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  }

  async function startImportTask(input: StartImportTaskInput): Promise<StartImportTaskResult> {
    const request = checked('StartImportTask', () => validateStartImportTaskInput(input));
    // A retry may follow an attempt whose start succeeded but whose answer was lost: look before starting.
    if (Context.current().info.attempt > 1) {
      const running = await findRunningImport(request);
      if (running) return { task: running, alreadyStarted: true };
    }
    return call<StartImportTaskResult>(
      'StartImportTask',
      request.graphIdentifier,
      async (abortSignal) => {
        const answer = await neptune().send(new StartImportTaskCommand(request), { abortSignal });
        return { task: toImportTaskSnapshot(answer, new Date(), ''), alreadyStarted: false };
      },
      {
        // The graph is already importing: if it is this very import, a retry has found it.
        recover: async (error) => {
          if (errorName(error) !== 'ConflictException') return undefined;
          const running = await findRunningImport(request);
          return running && { task: running, alreadyStarted: true };
        },
      },
    );
  }

  async function cancelImportTask(input: CancelImportTaskInput): Promise<CancelImportTaskResult> {
    const taskIdentifier = checked('CancelImportTask', () => validateTaskIdentifier(input?.taskIdentifier));
    return call<CancelImportTaskResult>(
      'CancelImportTask',
      taskIdentifier,
      async (abortSignal) => {
        const answer = await neptune().send(new CancelImportTaskCommand({ taskIdentifier }), { abortSignal });
        return { task: toImportTaskSnapshot(answer, new Date(), taskIdentifier), alreadyEnded: false };
      },
      {
        // Cancelling a task that has already ended is what the caller wanted: not an error.
        recover: async (error) => {
          if (errorName(error) !== 'ConflictException') return undefined;
          const task = await getImportTask({ taskIdentifier });
          return isTerminalPhase(task.phase) ? { task, alreadyEnded: true } : undefined;
        },
      },
    );
  }

  return { getImportTask, startImportTask, cancelImportTask };
}

/** The activities `createNeptuneImportActivities` makes: proxy them in workflows with a type-only import. */
export type NeptuneImportActivities = ReturnType<typeof createNeptuneImportActivities>;
