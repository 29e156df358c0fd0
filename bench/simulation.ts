/**
 * The simulated comparison: every progress profile and pre-IMPORTING share, seven durations from 1 minute to 12 hours, this schedule
 * beside every 60 s, the SDK waiter and Airflow's operator, on the same seeded waits.
 */
import {
  fixedStrategy,
  ourStrategy,
  PRE_IMPORTING,
  PROGRESS_PROFILES,
  sdkWaiterStrategy,
  simulateMany,
  type PreImporting,
  type ProgressProfile,
  type StrategyFactory,
  type WaitSummary,
} from '../src/testing/poll-simulation';

export const SIMULATED_RUNS = 200;
export const MAX_START_OFFSET_MS = 60_000;
export const DURATIONS_MIN = [1, 2, 5, 10, 60, 240, 720] as const;

export const STRATEGIES: ReadonlyArray<{
  name: string;
  factory: StrategyFactory;
  maxCalls?: number;
}> = [
  { name: 'this schedule', factory: ourStrategy() },
  { name: 'every 60 s', factory: fixedStrategy(60_000) },
  { name: 'SDK waiter', factory: sdkWaiterStrategy() },
  // Airflow's Neptune Analytics operators: waiter_delay 30 s, waiter_max_attempts 60.
  { name: 'Airflow operator', factory: fixedStrategy(30_000), maxCalls: 60 },
];

export interface SimulatedRow {
  profile: ProgressProfile;
  preImporting: PreImporting;
  minutes: number;
  /** By strategy name. */
  results: Record<string, WaitSummary>;
}

export function simulateAll(): SimulatedRow[] {
  const rows: SimulatedRow[] = [];
  for (const profile of PROGRESS_PROFILES) {
    for (const preImporting of PRE_IMPORTING) {
      for (const minutes of DURATIONS_MIN) {
        const task = { profile, preImporting, durationMs: minutes * 60_000 };
        const results = Object.fromEntries(
          STRATEGIES.map(({ name, factory, maxCalls }) => [
            name,
            simulateMany(task, factory, {
              runs: SIMULATED_RUNS,
              maxStartOffsetMs: MAX_START_OFFSET_MS,
              ...(maxCalls !== undefined && { maxCalls }),
            }),
          ]),
        );
        rows.push({ profile, preImporting, minutes, results });
      }
    }
  }
  return rows;
}
