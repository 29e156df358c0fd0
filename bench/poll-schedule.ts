/**
 * Poll schedule benchmark: the default schedule, a fixed 60 s interval and the SDK's
 * waitUntilImportTaskSuccessful, on the same simulated imports (same seeds, same start offsets), side by side.
 *
 *   npx tsx bench/poll-schedule.ts
 *
 * Simulated time only: the numbers are the same on every machine and every run.
 */
import { DEFAULT_POLL_SCHEDULE } from '../src/model/poll-schedule';
import {
  fixedStrategy,
  ourStrategy,
  PROGRESS_PROFILES,
  sdkWaiterStrategy,
  simulateMany,
  type StrategyFactory,
  type WaitSummary,
} from '../src/testing/poll-simulation';

const RUNS = 200;
const MAX_START_OFFSET_MS = 60_000;
const DURATIONS_MIN = [10, 60, 240, 720];

const strategies: Array<[name: string, factory: StrategyFactory]> = [
  ['ours', ourStrategy()],
  ['fixed 60 s', fixedStrategy(60_000)],
  ['SDK waiter', sdkWaiterStrategy()],
];

function duration(ms: number): string {
  if (ms < 100_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const detection = (s: WaitSummary) =>
  `${duration(s.p50DetectionMs)} / ${duration(s.p95DetectionMs)} / ${duration(s.maxDetectionMs)}`;

const names = strategies.map(([name]) => name);
const lines = [
  `Poll schedule benchmark: ${RUNS} simulated waits per row, each starting 0–${MAX_START_OFFSET_MS / 1000} s into ` +
    `the task (same seeds and offsets for every strategy).`,
  `ours = nextPollDelay with DEFAULT_POLL_SCHEDULE ${JSON.stringify(DEFAULT_POLL_SCHEDULE)}; fixed 60 s = sleep ` +
    `60 s then poll; SDK waiter = waitUntilImportTaskSuccessful defaults (minDelay 60 s, maxDelay 28800 s).`,
  'calls = mean GetImportTask calls per wait; detection = from the real end to the call that saw SUCCEEDED ' +
    '(p50 / p95 / max).',
  '',
  `| profile | duration | ${names.map((n) => `calls: ${n}`).join(' | ')} | fixed/ours | ` +
    `${names.map((n) => `detection: ${n}`).join(' | ')} |`,
  `|---|---:|${names.map(() => '---:').join('|')}|---:|${names.map(() => '---:').join('|')}|`,
];
for (const profile of PROGRESS_PROFILES) {
  for (const minutes of DURATIONS_MIN) {
    const task = { profile, durationMs: minutes * 60_000 };
    const results = strategies.map(([, factory]) =>
      simulateMany(task, factory, { runs: RUNS, maxStartOffsetMs: MAX_START_OFFSET_MS }),
    );
    const [our, fixed] = results as [WaitSummary, WaitSummary, WaitSummary];
    lines.push(
      `| ${profile} | ${minutes < 60 ? `${minutes} min` : `${minutes / 60} h`} | ` +
        `${results.map((r) => r.meanCalls.toFixed(1)).join(' | ')} | ${(fixed.meanCalls / our.meanCalls).toFixed(2)}x | ` +
        `${results.map(detection).join(' | ')} |`,
    );
  }
}
console.log(lines.join('\n'));
