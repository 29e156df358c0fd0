/** The seven emulated operations, each run against the emulator state, and `runOperation` to pick one. */

import type { EmulatedOperation } from './faults';
import {
  checkGraphIdentifier,
  checkGraphName,
  checkTaskIdentifier,
  importInput,
  optionalBoolean,
  optionalInteger,
  optionalString,
  parseBody,
} from './operation-input';
import {
  graphOutput,
  graphSummary,
  importTaskOutput,
  startedTaskOutput,
  taskSummary,
} from './operation-output';
import { decodeToken, encodeToken, parseMaxResults } from './pagination';
import type { Route } from './routes';
import type { EmulatorState, TaskRecord } from './state';
import { isTerminalStatus } from './timeline';
import { ServiceError } from './wire';

export interface OperationInput {
  route: Route;
  body: string;
  /** Region taken from the request's SigV4 credential scope, for ARNs of graphs created now. */
  region?: string;
}

export interface OperationResult {
  status: number;
  body: Record<string, unknown>;
  taskId?: string;
  graphId?: string;
}

function findTask(state: EmulatorState, id: string): TaskRecord {
  const task = state.tasks.get(id);
  if (!task) throw new ServiceError('ResourceNotFoundException', `Import task ${id} not found`);
  return task;
}

function getImportTask(state: EmulatorState, input: OperationInput): OperationResult {
  const task = findTask(state, checkTaskIdentifier(input.route.taskIdentifier));
  return { status: 200, body: importTaskOutput(state, task), taskId: task.id, graphId: task.graphId };
}

function listImportTasks(state: EmulatorState, input: OperationInput): OperationResult {
  const maxResults = parseMaxResults(input.route.query.get('maxResults'));
  const token = input.route.query.get('nextToken');
  const after = token === null || token === '' ? 0 : decodeToken(token, state.generation);
  const remaining = state.tasksAfter(after);
  const page = remaining.slice(0, maxResults);
  const body: Record<string, unknown> = {
    tasks: page.map((t) => taskSummary(t, state.taskState(t).status)),
  };
  const last = page[page.length - 1];
  if (remaining.length > page.length && last) body['nextToken'] = encodeToken(state.generation, last.seq);
  return { status: 200, body };
}

function startImportTask(state: EmulatorState, input: OperationInput): OperationResult {
  const graphId = checkGraphIdentifier(input.route.graphIdentifier);
  const request = importInput(parseBody(input.body));
  if (!state.graphs.has(graphId)) {
    if (!state.settings.autoCreateGraphs)
      throw new ServiceError('ResourceNotFoundException', `Graph ${graphId} not found`);
    state.addGraph(input.region !== undefined ? { graphId, region: input.region } : { graphId });
  }
  const running = state.runningTaskOf(graphId);
  if (running) {
    throw new ServiceError(
      'ConflictException',
      `Graph ${graphId} already has an import task in progress (${running.id})`,
      'CONCURRENT_MODIFICATION',
    );
  }
  const task = state.addTask({ ...request, graphId });
  return { status: 201, body: startedTaskOutput(state, task), taskId: task.id, graphId };
}

function cancelImportTask(state: EmulatorState, input: OperationInput): OperationResult {
  const task = findTask(state, checkTaskIdentifier(input.route.taskIdentifier));
  const before = state.cancel(task);
  if (isTerminalStatus(before)) {
    throw new ServiceError(
      'ConflictException',
      `Import task ${task.id} is already ${before} and cannot be cancelled`,
      'CONCURRENT_MODIFICATION',
    );
  }
  return {
    status: 200,
    body: taskSummary(task, state.taskState(task).status),
    taskId: task.id,
    graphId: task.graphId,
  };
}

function createGraphUsingImportTask(state: EmulatorState, input: OperationInput): OperationResult {
  const json = parseBody(input.body);
  const graphName = checkGraphName(json);
  const request = importInput(json);
  const publicConnectivity = optionalBoolean(json, 'publicConnectivity');
  const deletionProtection = optionalBoolean(json, 'deletionProtection');
  const replicaCount = optionalInteger(json, 'replicaCount', 0, 2);
  const minMemory = optionalInteger(json, 'minProvisionedMemory', 16, 24576);
  const maxMemory = optionalInteger(json, 'maxProvisionedMemory', 16, 24576);
  const kmsKeyIdentifier = optionalString(json, 'kmsKeyIdentifier');
  optionalBoolean(json, 'failOnError');
  for (const graph of state.graphs.values()) {
    if (graph.name === graphName) {
      throw new ServiceError(
        'ConflictException',
        `A graph named ${graphName} already exists`,
        'CONCURRENT_MODIFICATION',
      );
    }
  }
  const task = state.addTask({
    ...request,
    createsGraph: true,
    ...(input.region ? { region: input.region } : {}),
  });
  const graph = state.graphs.get(task.graphId);
  if (graph) {
    graph.name = graphName;
    graph.provisionedMemory = maxMemory ?? minMemory ?? 128;
    graph.publicConnectivity = publicConnectivity ?? false;
    graph.deletionProtection = deletionProtection ?? true;
    graph.replicaCount = replicaCount ?? 1;
    if (kmsKeyIdentifier !== undefined) graph.kmsKeyIdentifier = kmsKeyIdentifier;
    const vector = json['vectorSearchConfiguration'] as { dimension?: unknown } | undefined;
    if (vector && typeof vector.dimension === 'number')
      graph.vectorSearchConfiguration = { dimension: vector.dimension };
  }
  return { status: 201, body: startedTaskOutput(state, task), taskId: task.id, graphId: task.graphId };
}

function getGraph(state: EmulatorState, input: OperationInput): OperationResult {
  const id = checkGraphIdentifier(input.route.graphIdentifier);
  const graph = state.graphs.get(id);
  if (!graph) throw new ServiceError('ResourceNotFoundException', `Graph ${id} not found`);
  return { status: 200, body: graphOutput(state, graph), graphId: id };
}

/** Graphs in the order they were made, paged like ListImportTasks. */
function listGraphs(state: EmulatorState, input: OperationInput): OperationResult {
  const maxResults = parseMaxResults(input.route.query.get('maxResults'));
  const token = input.route.query.get('nextToken');
  const after = token === null || token === '' ? 0 : decodeToken(token, state.generation);
  const graphs = [...state.graphs.values()];
  const page = graphs.slice(after, after + maxResults);
  const body: Record<string, unknown> = { graphs: page.map((graph) => graphSummary(state, graph)) };
  if (graphs.length > after + page.length)
    body['nextToken'] = encodeToken(state.generation, after + page.length);
  return { status: 200, body };
}

const HANDLERS: Record<EmulatedOperation, (state: EmulatorState, input: OperationInput) => OperationResult> =
  {
    GetImportTask: getImportTask,
    ListImportTasks: listImportTasks,
    StartImportTask: startImportTask,
    CancelImportTask: cancelImportTask,
    CreateGraphUsingImportTask: createGraphUsingImportTask,
    GetGraph: getGraph,
    ListGraphs: listGraphs,
  };

/** Runs one operation against the state; a ServiceError thrown here is the modelled error answer. */
export function runOperation(state: EmulatorState, input: OperationInput): OperationResult {
  return HANDLERS[input.route.operation](state, input);
}
