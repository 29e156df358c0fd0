import type { EmulatedOperation } from './faults';
import { GRAPH_ID_PATTERN, TASK_ID_PATTERN } from './ids';
import type { Route } from './routes';
import { IMPORT_FORMATS, type ImportFormat, type ImportOptions } from './scenario';
import type { EmulatorState, GraphRecord, TaskRecord } from './state';
import { isTerminalStatus } from './timeline';
import {
  ServiceError,
  constraintMessage,
  missingMemberError,
  patternError,
  toEpochSeconds,
  validationError,
} from './wire';

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

export const DEFAULT_MAX_RESULTS = 50;
const ROLE_ARN_PATTERN = 'arn:aws[^:]*:iam::\\d{12}:(role|role/service-role)/[\\w+=,.@-]*';
const GRAPH_NAME_PATTERN = '(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*';

type Json = Record<string, unknown>;

// ---- input ----------------------------------------------------------------

function parseBody(body: string): Json {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw validationError('Could not parse the request body as JSON', 'BAD_REQUEST');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('The request body must be a JSON object', 'BAD_REQUEST');
  }
  return parsed as Json;
}

function typeError(member: string, expected: string): ServiceError {
  return validationError(`Invalid value for '${member}': expected ${expected}`, 'BAD_REQUEST');
}

function requiredString(input: Json, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) throw missingMemberError(member);
  if (typeof value !== 'string') throw typeError(member, 'a string');
  return value;
}

function optionalString(input: Json, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw typeError(member, 'a string');
  return value;
}

function optionalBoolean(input: Json, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw typeError(member, 'a boolean');
  return value;
}

function optionalInteger(input: Json, member: string, min: number, max: number): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(member, 'an integer');
  if (value < min)
    throw validationError(
      constraintMessage(value, member, `Member must have value greater than or equal to ${min}`),
    );
  if (value > max)
    throw validationError(
      constraintMessage(value, member, `Member must have value less than or equal to ${max}`),
    );
  return value;
}

function enumMember<T extends string>(input: Json, member: string, values: readonly T[]): T | undefined {
  const value = optionalString(input, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw validationError(
      constraintMessage(value, member, `Member must satisfy enum value set: [${values.join(', ')}]`),
    );
  }
  return value as T;
}

function importOptionsMember(input: Json): ImportOptions | undefined {
  const value = input['importOptions'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError('importOptions', 'an object');
  const members = Object.keys(value);
  if (members.length !== 1 || members[0] !== 'neptune') {
    throw validationError(
      `importOptions must set exactly one known member (neptune), got [${members.join(', ')}]`,
      'BAD_REQUEST',
    );
  }
  const neptune = (value as Json)['neptune'];
  if (typeof neptune !== 'object' || neptune === null || Array.isArray(neptune))
    throw typeError('importOptions.neptune', 'an object');
  const n = neptune as Json;
  const options: ImportOptions = {
    neptune: {
      s3ExportPath: requiredString(n, 's3ExportPath'),
      s3ExportKmsKeyId: requiredString(n, 's3ExportKmsKeyId'),
    },
  };
  const labels = optionalBoolean(n, 'preserveDefaultVertexLabels');
  const edgeIds = optionalBoolean(n, 'preserveEdgeIds');
  if (labels !== undefined) options.neptune.preserveDefaultVertexLabels = labels;
  if (edgeIds !== undefined) options.neptune.preserveEdgeIds = edgeIds;
  return options;
}

function checkTaskIdentifier(id: string | undefined): string {
  if (id === undefined || !TASK_ID_PATTERN.test(id))
    throw patternError(id, 'taskIdentifier', 't-[a-z0-9]{10}');
  return id;
}

function checkGraphIdentifier(id: string | undefined): string {
  if (id === undefined || !GRAPH_ID_PATTERN.test(id))
    throw patternError(id, 'graphIdentifier', 'g-[a-z0-9]{10}');
  return id;
}

function checkRoleArn(input: Json): string {
  const roleArn = requiredString(input, 'roleArn');
  if (!new RegExp(`^${ROLE_ARN_PATTERN}$`).test(roleArn))
    throw patternError(roleArn, 'roleArn', ROLE_ARN_PATTERN);
  return roleArn;
}

/** The import fields StartImportTask and CreateGraphUsingImportTask share. */
function importInput(input: Json): {
  source: string;
  roleArn: string;
  format?: ImportFormat;
  parquetType?: 'COLUMNAR';
  importOptions?: ImportOptions;
} {
  const source = requiredString(input, 'source');
  const roleArn = checkRoleArn(input);
  const out: ReturnType<typeof importInput> = { source, roleArn };
  const format = enumMember(input, 'format', IMPORT_FORMATS);
  const parquetType = enumMember(input, 'parquetType', ['COLUMNAR'] as const);
  const importOptions = importOptionsMember(input);
  optionalBoolean(input, 'failOnError');
  enumMember(input, 'blankNodeHandling', ['convertToIri']);
  if (format !== undefined) out.format = format;
  if (parquetType !== undefined) out.parquetType = parquetType;
  if (importOptions !== undefined) out.importOptions = importOptions;
  return out;
}

function findTask(state: EmulatorState, id: string): TaskRecord {
  const task = state.tasks.get(id);
  if (!task) throw new ServiceError('ResourceNotFoundException', `Import task ${id} not found`);
  return task;
}

// ---- output ---------------------------------------------------------------

function compact(body: Json): Json {
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** The members every import-task output shares (ImportTaskSummary and friends). */
function taskSummary(task: TaskRecord, status: string): Json {
  return compact({
    graphId: task.graphId,
    taskId: task.id,
    source: task.source,
    format: task.format,
    parquetType: task.parquetType,
    roleArn: task.roleArn,
    status,
  });
}

export function importTaskOutput(state: EmulatorState, task: TaskRecord): Json {
  const s = state.taskState(task);
  return compact({
    ...taskSummary(task, s.status),
    importOptions: task.importOptions,
    importTaskDetails: compact({
      status: s.status,
      startTime: toEpochSeconds(state.clock.epochMsAt(task.startSeconds)),
      timeElapsedSeconds: s.timeElapsedSeconds,
      progressPercentage: s.progressPercentage,
      errorCount: s.errorCount,
      errorDetails: s.errorDetails,
      statementCount: s.statementCount,
      dictionaryEntryCount: s.dictionaryEntryCount,
    }),
    attemptNumber: s.attemptNumber,
    statusReason: s.statusReason,
  });
}

export function graphOutput(state: EmulatorState, graph: GraphRecord): Json {
  return compact({
    id: graph.id,
    name: graph.name,
    arn: `arn:aws:neptune-graph:${graph.region}:${state.settings.accountId}:graph/${graph.id}`,
    status: state.graphStatus(graph),
    createTime: toEpochSeconds(state.clock.epochMsAt(graph.createdAtSeconds)),
    provisionedMemory: graph.provisionedMemory,
    endpoint: `${graph.id}.${graph.region}.neptune-graph.amazonaws.com`,
    publicConnectivity: graph.publicConnectivity,
    vectorSearchConfiguration: graph.vectorSearchConfiguration,
    replicaCount: graph.replicaCount,
    kmsKeyIdentifier: graph.kmsKeyIdentifier,
    deletionProtection: graph.deletionProtection,
  });
}

// ---- operations -----------------------------------------------------------

function encodeToken(generation: number, afterSeq: number): string {
  return Buffer.from(JSON.stringify({ v: 1, g: generation, a: afterSeq })).toString('base64url');
}

function decodeToken(token: string, generation: number): number {
  const invalid = () => validationError(`Invalid pagination token: ${token}`, 'BAD_REQUEST');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const p = parsed as { v?: unknown; g?: unknown; a?: unknown } | null;
  if (typeof p !== 'object' || p === null || p.v !== 1 || p.g !== generation) throw invalid();
  if (typeof p.a !== 'number' || !Number.isInteger(p.a) || p.a < 0) throw invalid();
  return p.a;
}

function parseMaxResults(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_MAX_RESULTS;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n)) {
    throw validationError(`Invalid value for 'maxResults': expected an integer, got '${raw}'`, 'BAD_REQUEST');
  }
  if (n < 1)
    throw validationError(
      constraintMessage(raw, 'maxResults', 'Member must have value greater than or equal to 1'),
    );
  if (n > 100)
    throw validationError(
      constraintMessage(raw, 'maxResults', 'Member must have value less than or equal to 100'),
    );
  return n;
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
  const body: Json = { tasks: page.map((t) => taskSummary(t, state.taskState(t).status)) };
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
  return {
    status: 201,
    body: compact({ ...taskSummary(task, state.taskState(task).status), importOptions: task.importOptions }),
    taskId: task.id,
    graphId,
  };
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
  const graphName = requiredString(json, 'graphName');
  if (graphName.length > 63 || !new RegExp(`^${GRAPH_NAME_PATTERN}$`).test(graphName)) {
    throw patternError(graphName, 'graphName', GRAPH_NAME_PATTERN);
  }
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
  return {
    status: 201,
    body: compact({ ...taskSummary(task, state.taskState(task).status), importOptions: task.importOptions }),
    taskId: task.id,
    graphId: task.graphId,
  };
}

function getGraph(state: EmulatorState, input: OperationInput): OperationResult {
  const id = checkGraphIdentifier(input.route.graphIdentifier);
  const graph = state.graphs.get(id);
  if (!graph) throw new ServiceError('ResourceNotFoundException', `Graph ${id} not found`);
  return { status: 200, body: graphOutput(state, graph), graphId: id };
}

const HANDLERS: Record<EmulatedOperation, (state: EmulatorState, input: OperationInput) => OperationResult> =
  {
    GetImportTask: getImportTask,
    ListImportTasks: listImportTasks,
    StartImportTask: startImportTask,
    CancelImportTask: cancelImportTask,
    CreateGraphUsingImportTask: createGraphUsingImportTask,
    GetGraph: getGraph,
  };

/** Runs one operation against the state; a ServiceError thrown here is the modelled error answer. */
export function runOperation(state: EmulatorState, input: OperationInput): OperationResult {
  return HANDLERS[input.route.operation](state, input);
}
