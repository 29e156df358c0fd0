/** The output shapes the operations answer with: import-task summaries and details, and graphs. */

import type { EmulatorState, GraphRecord, TaskRecord } from './state';
import { toEpochSeconds } from './wire';

type Json = Record<string, unknown>;

function compact(body: Json): Json {
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** The members every import-task output shares (ImportTaskSummary and friends). */
export function taskSummary(task: TaskRecord, status: string): Json {
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

/** What StartImportTask and CreateGraphUsingImportTask answer: the summary plus the import options. */
export function startedTaskOutput(state: EmulatorState, task: TaskRecord): Json {
  return compact({ ...taskSummary(task, state.taskState(task).status), importOptions: task.importOptions });
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

/** A GraphSummary, as ListGraphs answers it. */
export function graphSummary(state: EmulatorState, graph: GraphRecord): Json {
  const {
    createTime: _createTime,
    vectorSearchConfiguration: _vector,
    ...summary
  } = graphOutput(state, graph);
  return summary;
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
