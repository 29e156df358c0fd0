import {
  CancelImportTaskCommand,
  GetImportTaskCommand,
  type NeptuneGraphClient,
} from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { type ImportTaskSnapshot, toImportTaskSnapshot } from '../src/model/import-task-snapshot';
import { NEPTUNE_IMPORT_METRICS } from '../src/model/metrics';
import { optionalTime, validateTaskIdentifier } from '../src/model/input-validation';
import { describeReceived, InvalidInputError } from '../src/model/invalid-input';
import type { NeptuneClientSettings } from '../src/neptune/create-client';
import { isTerminalPhase } from '../src/model/status-model';
import { namespaceSearchAttributesActivity } from './namespace-search-attributes';
import { createNeptuneCalls, isConflict } from './neptune-calls';
import { importStarters } from './start-import';

/** How the activities reach Neptune Analytics: a client of yours, or settings to build one. */
export interface NeptuneImportActivitiesOptions {
  /** A client to use as is. Otherwise one is built, once, from `clientSettings` and the AWS defaults. */
  client?: NeptuneGraphClient;
  clientSettings?: NeptuneClientSettings;
  /**
   * Attempts of one call before a failure not known to be permanent or transient (an unknown 4xx, no
   * credentials loadable) is given up as not retryable, with its cause. Default 10 (about 4 minutes with the
   * recommended retry policy). Throttling, 5xx and network failures are never given up by this.
   */
  unknownErrorAttempts?: number;
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

/**
 * The activities of this library, registered under their property names (`getImportTask`, ...). Workflows
 * proxy them with `proxyNeptuneImportActivities()` (or `proxyActivities<NeptuneImportActivities>()` and a
 * type-only import).
 */
export function createNeptuneImportActivities(options: NeptuneImportActivitiesOptions = {}) {
  const attempts: unknown = options.unknownErrorAttempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && (attempts as number) >= 1)) {
    throw new InvalidInputError('unknownErrorAttempts', describeReceived(attempts), 'a whole number ≥ 1');
  }
  const neptune = createNeptuneCalls(options);

  async function getImportTask(input: GetImportTaskInput): Promise<ImportTaskSnapshot> {
    const { taskIdentifier, graceUntil } = neptune.checked('GetImportTask', () => ({
      taskIdentifier: validateTaskIdentifier(input?.taskIdentifier),
      graceUntil: optionalTime('notFoundGraceUntil', input.notFoundGraceUntil),
    }));
    const answer = await neptune.call(
      'GetImportTask',
      taskIdentifier,
      (abortSignal) => neptune.client().send(new GetImportTaskCommand({ taskIdentifier }), { abortSignal }),
      { notFoundIsTransient: graceUntil !== undefined && Date.now() < graceUntil },
    );
    const task = toImportTaskSnapshot(answer, new Date(), taskIdentifier);
    Context.current()
      .metricMeter.createCounter(NEPTUNE_IMPORT_METRICS.getImportTaskCalls)
      .add(1, { status: task.status });
    return task;
  }

  async function cancelImportTask(input: CancelImportTaskInput): Promise<CancelImportTaskResult> {
    const taskIdentifier = neptune.checked('CancelImportTask', () =>
      validateTaskIdentifier(input?.taskIdentifier),
    );
    return neptune.call<CancelImportTaskResult>(
      'CancelImportTask',
      taskIdentifier,
      async (abortSignal) => {
        const answer = await neptune
          .client()
          .send(new CancelImportTaskCommand({ taskIdentifier }), { abortSignal });
        return { task: toImportTaskSnapshot(answer, new Date(), taskIdentifier), alreadyEnded: false };
      },
      {
        // Cancelling a task that has already ended is what the caller wanted: not an error.
        recover: async (error) => {
          if (!isConflict(error)) return undefined;
          const task = await getImportTask({ taskIdentifier });
          return isTerminalPhase(task.phase) ? { task, alreadyEnded: true } : undefined;
        },
      },
    );
  }

  const { startImportTask, createGraphUsingImportTask } = importStarters(neptune);
  return {
    getImportTask,
    startImportTask,
    createGraphUsingImportTask,
    cancelImportTask,
    namespaceSearchAttributes: namespaceSearchAttributesActivity(),
  };
}

/** The activities `createNeptuneImportActivities` makes: proxy them in workflows with a type-only import. */
export type NeptuneImportActivities = ReturnType<typeof createNeptuneImportActivities>;
