import type { EmulatedClock } from './clock';
import { randomGraphId, randomTaskId, type Random } from './ids';
import type { ImportFormat, ImportOptions, ScenarioGraph, ScenarioTask } from './scenario';
import {
  DEFAULT_CANCELLING_SECONDS,
  isTerminalStatus,
  resolveTimeline,
  taskStateAt,
  type TaskState,
  type TimelinePhase,
  type TimelineSpec,
} from './timeline';

export const DEFAULT_SOURCE = 's3://emulator-bucket/import/';
export const DEFAULT_ROLE_ARN = 'arn:aws:iam::123456789012:role/NeptuneAnalyticsImport';
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

export interface GraphRecord {
  id: string;
  name: string;
  region: string;
  /** A status fixed by the scenario; otherwise it follows the graph's imports. */
  fixedStatus?: string;
  /** Emulated seconds (emulator clock) when the graph was created. */
  createdAtSeconds: number;
  provisionedMemory: number;
  publicConnectivity: boolean;
  replicaCount: number;
  deletionProtection: boolean;
  kmsKeyIdentifier: string;
  vectorSearchConfiguration?: { dimension: number };
  /** Set for graphs made by CreateGraphUsingImportTask: their status follows that task. */
  createdByTaskId?: string;
}

export interface TaskRecord {
  /** Insertion order, used as the ListImportTasks cursor. */
  seq: number;
  id: string;
  graphId: string;
  source: string;
  roleArn: string;
  format?: ImportFormat;
  parquetType?: string;
  importOptions?: ImportOptions;
  phases: TimelinePhase[];
  /** Emulated seconds (emulator clock) when the task started. */
  startSeconds: number;
  cancelledAtSeconds?: number;
  deletedAtSeconds?: number;
}

export interface EmulatorSettings {
  cancellingSeconds: number;
  autoCreateGraphs: boolean;
  defaultTimeline: TimelineSpec;
  defaultDurationSeconds?: number;
  accountId: string;
  region: string;
}

export const DEFAULT_SETTINGS: EmulatorSettings = {
  cancellingSeconds: DEFAULT_CANCELLING_SECONDS,
  autoCreateGraphs: true,
  defaultTimeline: 'succeeds',
  accountId: DEFAULT_ACCOUNT_ID,
  region: DEFAULT_REGION,
};

export interface NewTask extends ScenarioTask {
  /** Ties a graph's status to this task (CreateGraphUsingImportTask). */
  createsGraph?: boolean;
  region?: string;
}

/** Graphs and tasks, and what their status is at the clock's current emulated time. */
export class EmulatorState {
  readonly graphs = new Map<string, GraphRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  /** Bumped by reset(), so page tokens from before a scenario change are rejected. */
  generation = 0;
  private nextSeq = 1;

  constructor(
    readonly clock: EmulatedClock,
    private readonly random: Random,
    public settings: EmulatorSettings,
  ) {}

  reset(settings: EmulatorSettings): void {
    this.graphs.clear();
    this.tasks.clear();
    this.generation++;
    this.settings = settings;
  }

  private uniqueId(make: () => string, taken: Map<string, unknown>): string {
    for (;;) {
      const id = make();
      if (!taken.has(id)) return id;
    }
  }

  addGraph(spec: ScenarioGraph & { region?: string; createdByTaskId?: string } = {}): GraphRecord {
    const id = spec.graphId ?? this.uniqueId(() => randomGraphId(this.random), this.graphs);
    const graph: GraphRecord = {
      id,
      name: spec.name ?? `emulated-${id.slice(2)}`,
      region: spec.region ?? this.settings.region,
      createdAtSeconds: this.clock.seconds() - (spec.createdSecondsAgo ?? 0),
      provisionedMemory: spec.provisionedMemory ?? 128,
      publicConnectivity: spec.publicConnectivity ?? false,
      replicaCount: spec.replicaCount ?? 1,
      deletionProtection: spec.deletionProtection ?? false,
      kmsKeyIdentifier: spec.kmsKeyIdentifier ?? 'AWS_OWNED_KEY',
    };
    if (spec.status !== undefined) graph.fixedStatus = spec.status;
    if (spec.createdByTaskId !== undefined) graph.createdByTaskId = spec.createdByTaskId;
    this.graphs.set(id, graph);
    return graph;
  }

  addTask(spec: NewTask = {}): TaskRecord {
    if (spec.taskId !== undefined && this.tasks.has(spec.taskId)) {
      throw new Error(`Task ${spec.taskId} already exists`);
    }
    const id = spec.taskId ?? this.uniqueId(() => randomTaskId(this.random), this.tasks);
    let graph = spec.graphId !== undefined ? this.graphs.get(spec.graphId) : undefined;
    if (!graph) {
      const graphSpec: Parameters<EmulatorState['addGraph']>[0] = {};
      if (spec.graphId !== undefined) graphSpec.graphId = spec.graphId;
      if (spec.region !== undefined) graphSpec.region = spec.region;
      if (spec.createsGraph || spec.graphId === undefined) graphSpec.createdByTaskId = id;
      graph = this.addGraph(graphSpec);
    }
    const timeline = spec.timeline ?? this.settings.defaultTimeline;
    const duration = spec.durationSeconds ?? this.settings.defaultDurationSeconds;
    const task: TaskRecord = {
      seq: this.nextSeq++,
      id,
      graphId: graph.id,
      source: spec.source ?? DEFAULT_SOURCE,
      roleArn: spec.roleArn ?? DEFAULT_ROLE_ARN,
      format: spec.format ?? 'CSV',
      phases: resolveTimeline(timeline, duration),
      startSeconds: this.clock.seconds() - (spec.startedSecondsAgo ?? 0),
    };
    if (spec.parquetType !== undefined) task.parquetType = spec.parquetType;
    if (spec.importOptions !== undefined) task.importOptions = spec.importOptions;
    this.tasks.set(id, task);
    return task;
  }

  /** Emulated seconds on the task's own clock (since it started). */
  taskElapsed(task: TaskRecord): number {
    return this.clock.seconds() - task.startSeconds;
  }

  taskState(task: TaskRecord): TaskState {
    const clock: Parameters<typeof taskStateAt>[1] = {
      elapsedSeconds: this.taskElapsed(task),
      cancellingSeconds: this.settings.cancellingSeconds,
    };
    if (task.cancelledAtSeconds !== undefined) clock.cancelledAtSeconds = task.cancelledAtSeconds;
    if (task.deletedAtSeconds !== undefined) clock.deletedAtSeconds = task.deletedAtSeconds;
    return taskStateAt(task.phases, clock);
  }

  runningTaskOf(graphId: string): TaskRecord | undefined {
    for (const task of this.tasks.values()) {
      if (task.graphId === graphId && !isTerminalStatus(this.taskState(task).status)) return task;
    }
    return undefined;
  }

  graphStatus(graph: GraphRecord): string {
    if (graph.fixedStatus !== undefined) return graph.fixedStatus;
    if (this.runningTaskOf(graph.id)) return 'IMPORTING';
    const creator = graph.createdByTaskId !== undefined ? this.tasks.get(graph.createdByTaskId) : undefined;
    if (creator && this.taskState(creator).status === 'FAILED') return 'FAILED';
    return 'AVAILABLE';
  }

  /** Accepts a cancel if the task is still running; returns the status it had. */
  cancel(task: TaskRecord): string {
    const status = this.taskState(task).status;
    if (!isTerminalStatus(status) && task.cancelledAtSeconds === undefined) {
      task.cancelledAtSeconds = Math.max(0, this.taskElapsed(task));
    }
    return status;
  }

  delete(task: TaskRecord): void {
    if (task.deletedAtSeconds === undefined) task.deletedAtSeconds = Math.max(0, this.taskElapsed(task));
  }

  /** Tasks in creation order after the cursor `afterSeq`. */
  tasksAfter(afterSeq: number): TaskRecord[] {
    return [...this.tasks.values()].filter((t) => t.seq > afterSeq);
  }
}
