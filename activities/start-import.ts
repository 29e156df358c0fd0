import {
  CreateGraphUsingImportTaskCommand,
  ListGraphsCommand,
  ListImportTasksCommand,
  StartImportTaskCommand,
  type ImportTaskSummary,
} from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { importTaskConsoleUrl } from '../src/model/console-url';
import { type ImportTaskSnapshot, toImportTaskSnapshot } from '../src/model/import-task-snapshot';
import {
  type CreateGraphUsingImportTaskInput,
  type StartImportTaskInput,
  validateCreateGraphUsingImportTaskInput,
  validateStartImportTaskInput,
} from '../src/model/input-validation';
import { isTerminalPhase, phaseOfStatus } from '../src/model/status-model';
import type { NeptuneCalls } from './neptune-calls';

/** What the activities that start an import return. */
export interface StartImportTaskResult {
  task: ImportTaskSnapshot;
  /** True when a retried start found this task already started and returned it instead of starting another. */
  alreadyStarted: boolean;
  /** The task's page in the AWS console, for the region the client resolved. */
  consoleUrl: string;
}

function errorName(error: unknown): string | undefined {
  return (error as { name?: string } | null)?.name;
}

/**
 * Starting an import exactly once. Neptune Analytics takes no idempotency token, so a retry (whose earlier
 * attempt may have started the import and lost the answer) first looks for what that attempt started, and
 * a ConflictException is answered the same way: StartImportTask by a running task of the same graph and
 * source, CreateGraphUsingImportTask by the task of the graph of that name (which only its import makes).
 */
export function importStarters(neptune: NeptuneCalls) {
  /** Pages through ListImportTasks for the first task that `matches`. */
  async function findTask(
    subject: string,
    matches: (task: ImportTaskSummary) => boolean,
  ): Promise<ImportTaskSnapshot | undefined> {
    let nextToken: string | undefined;
    do {
      const page = await neptune.call('ListImportTasks', subject, (abortSignal) =>
        neptune.client().send(new ListImportTasksCommand({ maxResults: 100, nextToken }), { abortSignal }),
      );
      const match = page.tasks?.find(matches);
      if (match) return toImportTaskSnapshot(match, new Date(), match.taskId ?? '');
      nextToken = page.nextToken;
    } while (nextToken);
    return undefined;
  }

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

  const runningImportOf = (request: StartImportTaskInput) =>
    findTask(
      request.graphIdentifier,
      (task) =>
        task.graphId === request.graphIdentifier &&
        task.source === request.source &&
        !isTerminalPhase(phaseOfStatus(task.status)),
    );

  async function importOfNewGraph(request: CreateGraphUsingImportTaskInput) {
    const graphId = await findGraphId(request.graphName);
    return graphId === undefined
      ? undefined
      : findTask(request.graphName, (task) => task.graphId === graphId && task.source === request.source);
  }

  /** Starts unless `find` finds what an earlier attempt started; a ConflictException looks again. */
  async function startOnce(
    operation: 'StartImportTask' | 'CreateGraphUsingImportTask',
    subject: string,
    find: () => Promise<ImportTaskSnapshot | undefined>,
    start: (abortSignal: AbortSignal) => Promise<ImportTaskSnapshot>,
  ): Promise<StartImportTaskResult> {
    // The region is resolved after a request has gone through, so it is known by then.
    const result = async (
      task: ImportTaskSnapshot,
      alreadyStarted: boolean,
    ): Promise<StartImportTaskResult> => ({
      task,
      alreadyStarted,
      consoleUrl: importTaskConsoleUrl(await neptune.region(), task.taskId),
    });
    if (Context.current().info.attempt > 1) {
      const found = await find();
      if (found) return result(found, true);
    }
    return neptune.call(operation, subject, async (abortSignal) => result(await start(abortSignal), false), {
      recover: async (error) => {
        if (errorName(error) !== 'ConflictException') return undefined;
        const found = await find();
        return found && result(found, true);
      },
    });
  }

  /** StartImportTask into an existing graph, once. */
  async function startImportTask(input: StartImportTaskInput): Promise<StartImportTaskResult> {
    const request = neptune.checked('StartImportTask', () => validateStartImportTaskInput(input));
    return startOnce(
      'StartImportTask',
      request.graphIdentifier,
      () => runningImportOf(request),
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
      () => importOfNewGraph(request),
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
