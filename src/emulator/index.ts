export { NeptuneEmulator, type EmulatorOptions } from './server';
export { runEmulatorCommand, type EmulatorCommandOptions, type RunningEmulatorCommand } from './command';
export {
  loadScenarioFile,
  validateScenario,
  validateFault,
  validateScenarioTask,
  validateScenarioGraph,
  ScenarioError,
  IMPORT_FORMATS,
  type Scenario,
  type ScenarioGraph,
  type ScenarioTask,
  type ImportFormat,
  type ImportOptions,
  type NeptuneImportOptions,
} from './scenario';
export {
  taskStateAt,
  resolveTimeline,
  builtInTimeline,
  scaleTimeline,
  timelineDuration,
  isTerminalStatus,
  TERMINAL_STATUSES,
  BUILT_IN_TIMELINES,
  DEFAULT_DURATION_SECONDS,
  DEFAULT_CANCELLING_SECONDS,
  type TimelinePhase,
  type TimelineSpec,
  type BuiltInTimelineName,
  type ProgressCurve,
  type CountSpec,
  type TaskClock,
  type TaskState,
} from './timeline';
export {
  FaultInjector,
  FAULT_KINDS,
  EMULATED_OPERATIONS,
  DEFAULT_UNKNOWN_STATUS,
  type Fault,
  type FaultKind,
  type FaultWindow,
  type ErrorFaultKind,
  type EmulatedOperation,
} from './faults';
export { type RequestRecord, type RequestFilter, type LoggedOperation } from './request-log';
export { mulberry32, TASK_ID_PATTERN, GRAPH_ID_PATTERN } from './ids';
