export { NeptuneEmulator, type EmulatorOptions } from './server';
export {
  loadScenarioFile,
  validateScenario,
  ScenarioError,
  type Scenario,
  type ScenarioGraph,
  type ScenarioTask,
} from './scenario';
export type { TimelinePhase, TimelineSpec, BuiltInTimelineName, ProgressCurve, CountSpec } from './timeline';
export type { Fault, FaultKind, FaultWindow, EmulatedOperation } from './faults';
export type { RequestRecord, RequestFilter } from './request-log';
