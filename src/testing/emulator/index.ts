export { NeptuneEmulator, type EmulatorOptions } from './server';
export {
  loadScenarioFile,
  ScenarioError,
  type Scenario,
  type ScenarioGraph,
  type ScenarioTask,
} from './scenario';
export type { TimelinePhase, TimelineSpec } from './timeline';
export type { Fault, FaultKind } from './faults';
export type { RequestRecord, RequestFilter } from './request-log';
