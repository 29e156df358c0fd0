import {
  CreateGraphUsingImportTaskCommand,
  GetImportTaskCommand,
  ListGraphsCommand,
  ListImportTasksCommand,
  StartImportTaskCommand,
} from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../src/model/failure-types';
import { importTaskConsoleUrl } from '../src/model/console-url';
import { type ImportTaskSnapshot, toImportTaskSnapshot } from '../src/model/import-task-snapshot';
import {
  type CreateGraphUsingImportTaskInput,
  type StartImportTaskInput,
  validateCreateGraphUsingImportTaskInput,
  validateStartImportTaskInput,
} from '../src/model/input-validation';
import { isTerminalPhase } from '../src/model/status-model';
import { isConflict, type AttemptRecord, type NeptuneCalls } from './neptune-calls';

/** What the activities that start an import return. */
export interface StartImportTaskResult {
  task: ImportTaskSnapshot;
  /** True when a retried start found this task already started and returned it instead of starting another. */
  alreadyStarted: boolean;
  /** The task's page in the AWS console, for the region the client resolved. */
  consoleUrl: string;
}

/** Clocks differ between this worker and the service: a task that started this long before still counts. */
const CLOCK_SKEW_MS = 5 * 60_000;

function sentAtOf(heartbeatDetails: unknown): number | undefined {
  const sentAt = (heartbeatDetails as Partial<AttemptRecord> | undefined)?.sentAt;
  return typeof sentAt === 'number' && Number.isFinite(sentAt) ? sentAt : undefined;
}

/**
 * Starting an import exactly once. Neptune Analytics takes no idempotency token, so a retry (whose earlier
 * attempt may have started the import and lost the answer) first looks for what that attempt started, and
 * a ConflictException is answered the same way: StartImportTask by a running task of the same graph and
 * source, CreateGraphUsingImportTask by the task of the graph of that name (which only its import makes).
 */
export function importStarters(neptune: NeptuneCalls) {
  /** Pages through ListGraphs for the graph of that name. */
  async function findGraphId(graphName: string): Promise<string | undefined> {
    let nextToken: string | undefined;
    do {
      const page = await neptune.call('ListGraphs', graphName, (abortSignal) =>
        neptune.client().send(new ListGraphsCommand({ maxResults: 100, nextToken }), { abortSignal }),
      );
      const graph = page.graphs?.find((candidate) => candidate.name === graphName);
      if (graph) return graph.id;
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  }

  /**
   * The import a start may adopt among the tasks of its graph and source: a running one (the service runs
   * one import per graph at a time), or, when an earlier attempt of this activity sent its request at
   * `sentAt`, one that started since then and has already ended. Never an older, finished one.
   */
  async function adoptable(
    candidates: ImportTaskSnapshot[],
    sentAt: number | undefined,
  ): Promise<ImportTaskSnapshot | undefined> {
    const running = candidates.find((task) => !isTerminalPhase(task.phase));
    if (running || sentAt === undefined) return running;
    for (const candidate of candidates) {
      const answer = await neptune.call('GetImportTask', candidate.taskId, (abortSignal) =>
        neptune
          .client()
          .send(new GetImportTaskCommand({ taskIdentifier: candidate.taskId }), { abortSignal }),
      );
      const task = toImportTaskSnapshot(answer, new Date(), candidate.taskId);
      const startedAt = Date.parse(task.details?.startTime ?? '');
      if (startedAt >= sentAt - CLOCK_SKEW_MS) return task;
    }
    return undefined;
  }

  async function tasksOf(subject: string, graphId: string, source: string): Promise<ImportTaskSnapshot[]> {
    const found: ImportTaskSnapshot[] = [];
    let nextToken: string | undefined;
    do {
      const page = await neptune.call('ListImportTasks', subject, (abortSignal) =>
        neptune.client().send(new ListImportTasksCommand({ maxResults: 100, nextToken }), { abortSignal }),
      );
      for (const task of page.tasks ?? []) {
        if (task.graphId === graphId && task.source === source) {
          found.push(toImportTaskSnapshot(task, new Date(), task.taskId ?? ''));
        }
      }
      nextToken = page.nextToken;
    } while (nextToken);
    return found;
  }

  /**
   * Starts unless an earlier attempt did: a retry first looks for the import that attempt started (whose
   * answer may have been lost), and a ConflictException looks for a running import of the same source.
   * Before sending, the attempt records when it sent (heartbeat details), which is what lets a retry adopt
   * an import that has meanwhile ended, and only that one.
   */
  async function startOnce(
    operation: 'StartImportTask' | 'CreateGraphUsingImportTask',
    subject: string,
    candidates: () => Promise<ImportTaskSnapshot[]>,
    start: (abortSignal: AbortSignal) => Promise<ImportTaskSnapshot>,
  ): Promise<StartImportTaskResult> {
    const context = Context.current();
    // The region is resolved after a request has gone through, so it is known by then.
    const result = async (
      task: ImportTaskSnapshot,
      alreadyStarted: boolean,
    ): Promise<StartImportTaskResult> => ({
      task,
      alreadyStarted,
      consoleUrl: importTaskConsoleUrl(await neptune.region(), task.taskId),
    });
    if (context.info.attempt > 1) {
      const found = await adoptable(await candidates(), sentAtOf(neptune.earlier()));
      if (found) return result(found, true);
    }
    neptune.remember({ sentAt: Date.now() });
    return neptune.call(operation, subject, async (abortSignal) => result(await start(abortSignal), false), {
      recover: async (error) => {
        if (!isConflict(error)) return undefined;
        const found = await adoptable(await candidates(), undefined);
        if (found) return result(found, true);
        if (operation === 'CreateGraphUsingImportTask') {
          // The name is taken by a graph this import did not make: no retry frees it.
          throw ApplicationFailure.create({
            type: FailureType.CONFLICT,
            nonRetryable: true,
            message: `CreateGraphUsingImportTask ${subject} failed: a graph named ${subject} exists already and is not importing this source`,
            cause: error instanceof Error ? error : undefined,
          });
        }
        return undefined;
      },
    });
  }

  /** StartImportTask into an existing graph, once. */
  async function startImportTask(input: StartImportTaskInput): Promise<StartImportTaskResult> {
    const request = neptune.checked('StartImportTask', () => validateStartImportTaskInput(input));
    return startOnce(
      'StartImportTask',
      request.graphIdentifier,
      () => tasksOf(request.graphIdentifier, request.graphIdentifier, request.source),
      async (abortSignal) =>
        toImportTaskSnapshot(
          await neptune.client().send(new StartImportTaskCommand(request), { abortSignal }),
          new Date(),
          '',
        ),
    );
  }

  /** CreateGraphUsingImportTask: a new graph, loaded by the import, once. */
  async function createGraphUsingImportTask(
    input: CreateGraphUsingImportTaskInput,
  ): Promise<StartImportTaskResult> {
    const request = neptune.checked('CreateGraphUsingImportTask', () =>
      validateCreateGraphUsingImportTaskInput(input),
    );
    return startOnce(
      'CreateGraphUsingImportTask',
      request.graphName,
      async () => {
        const graphId = await findGraphId(request.graphName);
        return graphId === undefined ? [] : tasksOf(request.graphName, graphId, request.source);
      },
      async (abortSignal) =>
        toImportTaskSnapshot(
          await neptune.client().send(new CreateGraphUsingImportTaskCommand(request), { abortSignal }),
          new Date(),
          '',
        ),
    );
  }

  return { startImportTask, createGraphUsingImportTask };
}
