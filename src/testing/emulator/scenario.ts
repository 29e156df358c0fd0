import { readFileSync } from 'node:fs';
import { IMPORT_FORMATS } from '../../model/input-validation';
import { describeReceived } from '../../model/invalid-input';
import { EMULATED_OPERATIONS, FAULT_KINDS, type Fault } from './faults';
import { GRAPH_ID_PATTERN, TASK_ID_PATTERN } from './ids';
import {
  BUILT_IN_TIMELINES,
  PROGRESS_CURVES,
  isBuiltInTimelineName,
  isTerminalStatus,
  type TimelineSpec,
} from './timeline';

/** The service's import formats, as this library's own input checks know them. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export { IMPORT_FORMATS };

export interface NeptuneImportOptions {
  s3ExportPath: string;
  s3ExportKmsKeyId: string;
  preserveDefaultVertexLabels?: boolean;
  preserveEdgeIds?: boolean;
}

/** The ImportOptions union; `neptune` is its only member today. */
export interface ImportOptions {
  neptune: NeptuneImportOptions;
}

/** A graph the emulator knows from the start. */
export interface ScenarioGraph {
  /** `g-` + 10 of [a-z0-9]; generated when omitted. */
  graphId?: string;
  name?: string;
  /** A fixed GraphStatus. Omitted: IMPORTING while one of its imports runs, else AVAILABLE. */
  status?: string;
  provisionedMemory?: number;
  publicConnectivity?: boolean;
  replicaCount?: number;
  deletionProtection?: boolean;
  kmsKeyIdentifier?: string;
  createdSecondsAgo?: number;
}

/** An import task the emulator knows from the start, moving along its timeline. */
export interface ScenarioTask {
  /** `t-` + 10 of [a-z0-9]; generated when omitted. */
  taskId?: string;
  /** The graph is created when the emulator does not know it; a new one when omitted. */
  graphId?: string;
  source?: string;
  roleArn?: string;
  format?: ImportFormat;
  parquetType?: 'COLUMNAR';
  importOptions?: ImportOptions;
  /** Default: the scenario's defaultTimeline, else `succeeds`. */
  timeline?: TimelineSpec;
  /** Scales the timeline to this many emulated seconds (built-ins default to 3600). */
  durationSeconds?: number;
  /** Emulated seconds the task has already been running when it is added. */
  startedSecondsAgo?: number;
}

/** What the emulator starts with: graphs, tasks, timelines, faults and its clock (docs/emulator.md). */
export interface Scenario {
  /** Free text for the reader of the file. */
  description?: string;
  /** Emulated seconds per real second. Default 1. */
  timeScale?: number;
  /** Makes ids, request ids and fault rates repeatable. */
  seed?: number;
  /** Emulated seconds a cancelled task spends in CANCELLING. Default 30. */
  cancellingSeconds?: number;
  /** StartImportTask on an unknown (well-formed) graph id creates the graph. Default true. */
  autoCreateGraphs?: boolean;
  graphs?: ScenarioGraph[];
  tasks?: ScenarioTask[];
  /** Timeline of tasks created through the API (StartImportTask, CreateGraphUsingImportTask). */
  defaultTimeline?: TimelineSpec;
  defaultDurationSeconds?: number;
  faults?: Fault[];
}

/** A scenario that does not validate; `problems` lists every field at fault. */
export class ScenarioError extends Error {
  constructor(
    readonly problems: string[],
    source?: string,
  ) {
    super(`Invalid scenario${source ? ` in ${source}` : ''}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ScenarioError';
  }
}

type Json = Record<string, unknown>;

/** Collects every problem with its path, so one run shows them all. */
class Checker {
  readonly problems: string[] = [];

  fail(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  object(value: unknown, path: string, allowed: readonly string[]): value is Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(path, `must be an object, got ${describeReceived(value)}`);
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.fail(`${path}.${key}`, `unknown field (allowed: ${allowed.join(', ')})`);
    }
    return true;
  }

  number(
    obj: Json,
    key: string,
    path: string,
    opts: { min?: number; max?: number; integer?: boolean } = {},
  ): void {
    const value = obj[key];
    if (value === undefined) return;
    const where = `${path}.${key}`;
    if (typeof value !== 'number' || !Number.isFinite(value))
      return this.fail(where, `must be a number, got ${describeReceived(value)}`);
    if (opts.integer && !Number.isInteger(value)) this.fail(where, `must be an integer, got ${value}`);
    if (opts.min !== undefined && value < opts.min) this.fail(where, `must be >= ${opts.min}, got ${value}`);
    if (opts.max !== undefined && value > opts.max) this.fail(where, `must be <= ${opts.max}, got ${value}`);
  }

  string(
    obj: Json,
    key: string,
    path: string,
    opts: { required?: boolean; pattern?: RegExp; oneOf?: readonly string[] } = {},
  ): void {
    const value = obj[key];
    const where = `${path}.${key}`;
    if (value === undefined) {
      if (opts.required) this.fail(where, 'is required');
      return;
    }
    if (typeof value !== 'string' || value === '')
      return this.fail(where, `must be a non-empty string, got ${describeReceived(value)}`);
    if (opts.pattern && !opts.pattern.test(value))
      this.fail(where, `must match ${opts.pattern.source}, got '${value}'`);
    if (opts.oneOf && !opts.oneOf.includes(value))
      this.fail(where, `must be one of ${opts.oneOf.join(', ')}, got '${value}'`);
  }

  boolean(obj: Json, key: string, path: string): void {
    const value = obj[key];
    if (value !== undefined && typeof value !== 'boolean')
      this.fail(`${path}.${key}`, `must be true or false, got ${describeReceived(value)}`);
  }

  array(obj: Json, key: string, path: string, each: (item: unknown, itemPath: string) => void): void {
    const value = obj[key];
    if (value === undefined) return;
    if (!Array.isArray(value))
      return this.fail(`${path}.${key}`, `must be an array, got ${describeReceived(value)}`);
    value.forEach((item, i) => each(item, `${path}.${key}[${i}]`));
  }
}

const PHASE_KEYS = [
  'status',
  'seconds',
  'progress',
  'statementCount',
  'dictionaryEntryCount',
  'errorCount',
  'errorDetails',
  'statusReason',
] as const;

function checkCount(c: Checker, phase: Json, key: string, path: string): void {
  const value = phase[key];
  if (value === undefined || typeof value === 'number') return c.number(phase, key, path, { min: 0 });
  if (c.object(value, `${path}.${key}`, ['from', 'to'])) {
    c.number(value, 'from', `${path}.${key}`, { min: 0 });
    c.number(value, 'to', `${path}.${key}`, { min: 0 });
    if (value['from'] === undefined || value['to'] === undefined)
      c.fail(`${path}.${key}`, 'needs both from and to');
  }
}

function checkTimeline(c: Checker, value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (!isBuiltInTimelineName(value))
      c.fail(path, `unknown timeline '${value}' (built-in: ${BUILT_IN_TIMELINES.join(', ')})`);
    return;
  }
  if (!Array.isArray(value))
    return c.fail(path, `must be a timeline name or an array of phases, got ${describeReceived(value)}`);
  if (value.length === 0) return c.fail(path, 'needs at least one phase');
  value.forEach((phase: unknown, i) => {
    const where = `${path}[${i}]`;
    if (!c.object(phase, where, PHASE_KEYS)) return;
    c.string(phase, 'status', where, { required: true });
    const isLast = i === value.length - 1;
    if (isLast) {
      if (phase['seconds'] !== undefined)
        c.fail(`${where}.seconds`, 'the last phase is where the task stays: it has no seconds');
      const status = phase['status'];
      if (typeof status === 'string' && !isTerminalStatus(status)) {
        c.fail(
          `${where}.status`,
          `the last phase must have a terminal status (SUCCEEDED, FAILED, CANCELLED, DELETED), got '${status}'`,
        );
      }
    } else if (phase['seconds'] === undefined) {
      c.fail(`${where}.seconds`, 'is required on every phase but the last');
    } else {
      c.number(phase, 'seconds', where, { min: 0 });
    }
    const progress = phase['progress'];
    if (progress !== undefined && c.object(progress, `${where}.progress`, ['from', 'to', 'curve'])) {
      for (const key of ['from', 'to']) {
        if (progress[key] === undefined) c.fail(`${where}.progress.${key}`, 'is required');
        c.number(progress, key, `${where}.progress`, { min: 0, max: 100 });
      }
      c.string(progress, 'curve', `${where}.progress`, { oneOf: PROGRESS_CURVES });
    }
    for (const key of ['statementCount', 'dictionaryEntryCount', 'errorCount'])
      checkCount(c, phase, key, where);
    c.string(phase, 'errorDetails', where);
    c.string(phase, 'statusReason', where);
  });
}

function checkImportOptions(c: Checker, obj: Json, path: string): void {
  const value = obj['importOptions'];
  if (value === undefined) return;
  const where = `${path}.importOptions`;
  if (!c.object(value, where, ['neptune'])) return;
  const neptune = value['neptune'];
  if (
    !c.object(neptune, `${where}.neptune`, [
      's3ExportPath',
      's3ExportKmsKeyId',
      'preserveDefaultVertexLabels',
      'preserveEdgeIds',
    ])
  )
    return;
  c.string(neptune, 's3ExportPath', `${where}.neptune`, { required: true });
  c.string(neptune, 's3ExportKmsKeyId', `${where}.neptune`, { required: true });
  c.boolean(neptune, 'preserveDefaultVertexLabels', `${where}.neptune`);
  c.boolean(neptune, 'preserveEdgeIds', `${where}.neptune`);
}

const GRAPH_KEYS = [
  'graphId',
  'name',
  'status',
  'provisionedMemory',
  'publicConnectivity',
  'replicaCount',
  'deletionProtection',
  'kmsKeyIdentifier',
  'createdSecondsAgo',
] as const;

function checkGraph(c: Checker, value: unknown, path: string): void {
  if (!c.object(value, path, GRAPH_KEYS)) return;
  c.string(value, 'graphId', path, { pattern: GRAPH_ID_PATTERN });
  c.string(value, 'name', path);
  c.string(value, 'status', path);
  c.number(value, 'provisionedMemory', path, { min: 1, integer: true });
  c.boolean(value, 'publicConnectivity', path);
  c.number(value, 'replicaCount', path, { min: 0, max: 2, integer: true });
  c.boolean(value, 'deletionProtection', path);
  c.string(value, 'kmsKeyIdentifier', path);
  c.number(value, 'createdSecondsAgo', path, { min: 0 });
}

const TASK_KEYS = [
  'taskId',
  'graphId',
  'source',
  'roleArn',
  'format',
  'parquetType',
  'importOptions',
  'timeline',
  'durationSeconds',
  'startedSecondsAgo',
] as const;

function checkTask(c: Checker, value: unknown, path: string): void {
  if (!c.object(value, path, TASK_KEYS)) return;
  c.string(value, 'taskId', path, { pattern: TASK_ID_PATTERN });
  c.string(value, 'graphId', path, { pattern: GRAPH_ID_PATTERN });
  c.string(value, 'source', path);
  c.string(value, 'roleArn', path);
  c.string(value, 'format', path, { oneOf: IMPORT_FORMATS });
  c.string(value, 'parquetType', path, { oneOf: ['COLUMNAR'] });
  checkImportOptions(c, value, path);
  if (value['timeline'] !== undefined) checkTimeline(c, value['timeline'], `${path}.timeline`);
  c.number(value, 'durationSeconds', path, { min: 0 });
  c.number(value, 'startedSecondsAgo', path);
}

const FAULT_KEYS = [
  'operation',
  'taskId',
  'kind',
  'count',
  'rate',
  'window',
  'latencyMs',
  'retryAfterSeconds',
  'status',
  'message',
] as const;

function checkFault(c: Checker, value: unknown, path: string): void {
  if (!c.object(value, path, FAULT_KEYS)) return;
  c.string(value, 'kind', path, { required: true, oneOf: FAULT_KINDS });
  c.string(value, 'operation', path, { oneOf: EMULATED_OPERATIONS });
  c.string(value, 'taskId', path);
  c.number(value, 'count', path, { min: 1, integer: true });
  c.number(value, 'rate', path, { min: 0, max: 1 });
  c.number(value, 'latencyMs', path, { min: 0 });
  c.number(value, 'retryAfterSeconds', path, { min: 0, integer: true });
  c.string(value, 'status', path);
  c.string(value, 'message', path);
  const window = value['window'];
  if (window !== undefined && c.object(window, `${path}.window`, ['fromSeconds', 'toSeconds'])) {
    c.number(window, 'fromSeconds', `${path}.window`);
    c.number(window, 'toSeconds', `${path}.window`);
  }
  if ((value['kind'] === 'latency' || value['kind'] === 'slowAnswer') && value['latencyMs'] === undefined)
    c.fail(`${path}.latencyMs`, `is required for a ${String(value['kind'])} fault`);
}

const SCENARIO_KEYS = [
  'description',
  'timeScale',
  'seed',
  'cancellingSeconds',
  'autoCreateGraphs',
  'graphs',
  'tasks',
  'defaultTimeline',
  'defaultDurationSeconds',
  'faults',
] as const;

/** Two entries with one id would make the second silently replace the first. */
function checkUnique(c: Checker, list: unknown, key: string, path: string): void {
  if (!Array.isArray(list)) return;
  const firstAt = new Map<unknown, number>();
  list.forEach((item: unknown, i) => {
    const id = typeof item === 'object' && item !== null ? (item as Json)[key] : undefined;
    if (id === undefined) return;
    const first = firstAt.get(id);
    if (first === undefined) firstAt.set(id, i);
    else c.fail(`${path}[${i}].${key}`, `duplicates ${path}[${first}].${key}`);
  });
}

function run<T>(check: (c: Checker) => void, value: unknown, source?: string): T {
  const c = new Checker();
  check(c);
  if (c.problems.length > 0) throw new ScenarioError(c.problems, source);
  return value as T;
}

/** Checks a scenario and returns it typed; throws a ScenarioError listing every bad path. */
export function validateScenario(value: unknown, source?: string): Scenario {
  const path = 'scenario';
  return run<Scenario>(
    (c) => {
      if (!c.object(value, path, SCENARIO_KEYS)) return;
      c.string(value, 'description', path);
      c.number(value, 'timeScale', path, { min: 0 });
      c.number(value, 'seed', path, { integer: true });
      c.number(value, 'cancellingSeconds', path, { min: 0 });
      c.boolean(value, 'autoCreateGraphs', path);
      c.array(value, 'graphs', path, (g, p) => checkGraph(c, g, p));
      c.array(value, 'tasks', path, (t, p) => checkTask(c, t, p));
      if (value['defaultTimeline'] !== undefined)
        checkTimeline(c, value['defaultTimeline'], `${path}.defaultTimeline`);
      c.number(value, 'defaultDurationSeconds', path, { min: 0 });
      c.array(value, 'faults', path, (f, p) => checkFault(c, f, p));
      checkUnique(c, value['graphs'], 'graphId', `${path}.graphs`);
      checkUnique(c, value['tasks'], 'taskId', `${path}.tasks`);
    },
    value,
    source,
  );
}

export function validateFault(value: unknown, path = 'fault'): Fault {
  return run<Fault>((c) => checkFault(c, value, path), value);
}

export function validateScenarioTask(value: unknown, path = 'task'): ScenarioTask {
  return run<ScenarioTask>((c) => checkTask(c, value, path), value);
}

export function validateScenarioGraph(value: unknown, path = 'graph'): ScenarioGraph {
  return run<ScenarioGraph>((c) => checkGraph(c, value, path), value);
}

/** Reads and validates a scenario JSON file. */
export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`Cannot read scenario file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`Scenario file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  return validateScenario(json, file);
}
