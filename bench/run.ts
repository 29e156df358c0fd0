/**
 * `npm run bench`: the poll schedule measured, never asserted as a timed test.
 *
 *   npm run bench                               simulation, real stack (100 × 1-, 2-, 5- and 10-minute imports), capacity
 *   npm run bench -- --only simulation          seconds; the numbers are the same on every machine
 *   npm run bench -- --only real --minutes 5    the real stack with 5-minute imports only
 *   npm run bench -- --only real --long         the real stack with 1-hour imports (--minutes 60)
 *   npm run bench -- --only capacity --capacity 100,1000,3000 [--capacity-minutes 5]
 *
 * Capacity runs four loops per size, one after another, each as long as its imports: 5-minute imports by
 * default (at 3,000 waits, 10-minute ones would take over two hours on a 2-core machine).
 * BENCH_CPU_PROFILE_DIR=dir writes CPU profiles of each bench worker there (see bench/stack.ts).
 *
 * Results go to bench/results/: bench-<date>.json (every figure of this run); latest.json and latest.md
 * (each part as its newest run left it, so parts can be rerun alone; the README quotes latest.md);
 * calls.svg (a chart of the simulated calls).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ourStrategy, simulateMany } from '../src/testing/poll-simulation';
import { runLoops, type LoopRun } from './loops';
import {
  callsChartSvg,
  capacityMarkdown,
  realStackMarkdown,
  simulationMarkdown,
  type BenchResults,
  type CapacityResult,
  type RealStackComparison,
  type RealStackRun,
  type RunStamp,
} from './report';
import { simulateAll } from './simulation';
import { startStack, type Stack } from './stack';

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string' },
    long: { type: 'boolean', default: false },
    minutes: { type: 'string', default: '1,2,5,10' },
    waits: { type: 'string', default: '100' },
    capacity: { type: 'string', default: '100,1000,3000' },
    'capacity-minutes': { type: 'string', default: '5' },
  },
});
const parts = new Set((flags.only ?? 'simulation,real,capacity').split(','));

function log(line: string): void {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
}

/** Import lengths of the real-stack part, in minutes: `--long` is `--minutes 60`. */
function realStackMinutes(): number[] {
  const minutes = flags.long ? [60] : flags.minutes.split(',').map(Number);
  if (minutes.some((m) => !(m > 0)))
    throw new Error(`--minutes: import lengths in minutes, not ${flags.minutes}`);
  return minutes;
}

async function realStack(stack: Stack, importSeconds: number): Promise<RealStackComparison> {
  const waits = Number(flags.waits);
  log(`real stack: ${waits} waits on ${importSeconds / 60}-minute imports`);
  const real = await runLoops(stack, { kind: 'library', waits, importSeconds });
  // The same timeline, each wait asking within a second of its import's start, as on the real stack.
  const simulated = simulateMany(
    { profile: 'linear', preImporting: 'typical', durationMs: importSeconds * 1000 },
    ourStrategy(),
    { runs: waits, maxStartOffsetMs: 1000 },
  );
  const figures: Array<[string, number, number]> = [
    ['calls per wait', real.meanCalls, simulated.meanCalls],
    ['detection p50', real.p50DetectionMs, simulated.p50DetectionMs],
    ['detection p95', real.p95DetectionMs, simulated.p95DetectionMs],
    ['detection max', real.maxDetectionMs, simulated.maxDetectionMs],
  ];
  return {
    importSeconds,
    real,
    simulated,
    agreement: figures.map(([figure, r, s]) => ({
      figure,
      real: r,
      simulated: s,
      ratio: r / s,
      within10: Math.abs(r / s - 1) <= 0.1,
    })),
  };
}

async function capacity(stack: Stack): Promise<CapacityResult[]> {
  const importSeconds = Number(flags['capacity-minutes']) * 60;
  const results: CapacityResult[] = [];
  for (const waits of flags.capacity.split(',').map(Number)) {
    log(`capacity: ${waits} library waits`);
    const library = await runLoops(stack, { kind: 'library', waits, importSeconds });
    log(`capacity: ${waits} library waits, aimed polls not spread`);
    const unspread = await runLoops(stack, { kind: 'library-unspread', waits, importSeconds });
    // The other loops at the library's poll rate: as many calls, evenly spaced over the import.
    const iterations = Math.max(2, Math.round(library.meanCalls));
    const intervalMs = Math.round((importSeconds * 1000) / (iterations - 1));
    log(`capacity: ${waits} hand-written loops every ${intervalMs / 1000} s`);
    const handWritten = await runLoops(stack, { kind: 'hand-written', waits, importSeconds, intervalMs });
    log(`capacity: ${waits} no-op loops, ${iterations} × every ${intervalMs / 1000} s`);
    const noOp = await runLoops(stack, { kind: 'no-op', waits, importSeconds, intervalMs, iterations });
    results.push({
      waits,
      date: new Date().toISOString(),
      runs: [library, unspread, handWritten, noOp],
      cpuRatio: library.workerCpuSeconds / handWritten.workerCpuSeconds,
      rssRatio: library.workerPeakRssBytes / handWritten.workerPeakRssBytes,
    });
    // Each size as it completes: a later size that fails must not take the earlier ones with it.
    writeFileSync(
      join(__dirname, 'results', 'capacity-partial.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  }
  return results;
}

/** CPU (worker + server) per GetImportTask call, from the largest capacity run of a loop kind. */
function cpuPerCall(results: readonly CapacityResult[], kind: LoopRun['kind']): number {
  const run = results.at(-1)!.runs.find((r) => r.kind === kind)!;
  return (run.workerCpuSeconds + run.serverCpuSeconds) / (run.waits * run.meanCalls);
}

/** The parts of a run, each stamped with its own date and command, merged into what earlier runs left. */
function mergedResults(dir: string, run: BenchResults): BenchResults {
  const latestPath = join(dir, 'latest.json');
  const earlier = existsSync(latestPath)
    ? (JSON.parse(readFileSync(latestPath, 'utf8')) as BenchResults)
    : {};
  const { realStack, realStackLong, ...rest } = { ...earlier, ...run };
  const merged: BenchResults = { ...rest };
  // Real-stack runs by import length: this run's replace earlier ones of the same length.
  const byLength = new Map<number, RealStackRun>();
  for (const part of [
    realStack,
    realStackLong,
    ...(earlier.realStackRuns ?? []),
    ...(run.realStackRuns ?? []),
  ]) {
    if (part) byLength.set(part.comparison.importSeconds, part);
  }
  if (byLength.size > 0) {
    merged.realStackRuns = [...byLength.values()].sort(
      (a, b) => a.comparison.importSeconds - b.comparison.importSeconds,
    );
  }
  // A capacity run of some sizes keeps the other sizes as their last run left them (each row is dated),
  // if they ran imports of the same length: a table of one import length.
  if (run.capacity && earlier.capacity) {
    const sizes = new Set(run.capacity.runs.map((r) => r.waits));
    const importSeconds = run.capacity.runs[0]?.runs[0]?.importSeconds;
    const kept = earlier.capacity.runs.filter(
      (r) => !sizes.has(r.waits) && r.runs[0]?.importSeconds === importSeconds,
    );
    merged.capacity = {
      ...run.capacity,
      runs: [...kept, ...run.capacity.runs].sort((a, b) => a.waits - b.waits),
    };
  }
  return merged;
}

function markdownOf(results: BenchResults): string {
  const stamp = (part: RunStamp) =>
    `\`${part.command}\`, ${part.date.slice(0, 10)}, ${part.machine.cpus} cores, Node ${part.machine.node}.`;
  const sections = ['# Bench results'];
  if (results.simulation) {
    sections.push(
      '## Simulated (200 seeded waits per row, starting 0–60 s into the import)',
      stamp(results.simulation),
      'calls = mean GetImportTask calls per wait; detection = from the end to the call that saw it, ' +
        'p50 / p95 / max.',
      simulationMarkdown(results.simulation.rows),
    );
  }
  if (results.realStackRuns) {
    const commands = [...new Set(results.realStackRuns.map((part) => part.command))];
    sections.push(
      '## Real stack: concurrent imports (emulator `succeeds` at timeScale 1, dev server, one worker process), ' +
        'simulated beside them',
      `${commands.map((c) => `\`${c}\``).join(', ')}; ${results.realStackRuns[0]!.machine.cpus} cores, ` +
        `Node ${results.realStackRuns[0]!.machine.node}. Each wait asks within a second of its import's start.`,
      realStackMarkdown(results.realStackRuns),
    );
  }
  if (results.capacity) {
    const { runs, oneHourWaitsPerMachine: hold } = results.capacity;
    sections.push(
      `## Capacity: one worker process, ${runs[0]!.runs[0]!.importSeconds / 60}-minute imports`,
      stamp(results.capacity),
      capacityMarkdown(runs),
      `Concurrent 1-hour waits one machine holds by CPU: ${hold.defaultSchedule} at the default schedule, ` +
        `${hold.every60s} polling every 60 s (${hold.basis}).`,
    );
  }
  return `${sections.join('\n\n')}\n`;
}

async function main(): Promise<void> {
  const stampNow = () => ({
    date: new Date().toISOString(),
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  });
  const run: BenchResults = {};
  if (parts.has('simulation')) {
    log('simulation');
    run.simulation = { ...stampNow(), rows: simulateAll() };
  }
  const realMinutes = parts.has('real') ? realStackMinutes() : [];
  if (parts.has('real') || parts.has('capacity')) {
    const stack = await startStack();
    try {
      if (parts.has('real')) {
        run.realStackRuns = [];
        for (const minutes of realMinutes) {
          run.realStackRuns.push({ ...stampNow(), comparison: await realStack(stack, minutes * 60) });
        }
      }
      if (parts.has('capacity')) {
        const runs = await capacity(stack);
        const perHour = (calls: number, kind: LoopRun['kind']) =>
          Math.floor((cpus().length * 3600) / (cpuPerCall(runs, kind) * calls));
        const hour = simulateMany(
          { profile: 'linear', preImporting: 'typical', durationMs: 3_600_000 },
          ourStrategy(),
        );
        run.capacity = {
          ...stampNow(),
          runs,
          oneHourWaitsPerMachine: {
            defaultSchedule: perHour(hour.meanCalls, 'library'),
            every60s: perHour(61, 'hand-written'),
            basis:
              `all ${cpus().length} cores busy with worker + server CPU per call measured at ` +
              `${runs.at(-1)!.waits} waits; ${hour.meanCalls.toFixed(1)} calls per 1-hour wait at the ` +
              'default schedule (simulated), 61 every 60 s',
          },
        };
      }
    } catch (error) {
      // Printed before the stack closes: closing it fails the client's pending retries, which would
      // otherwise end the process first and hide this cause.
      console.error('the bench failed:', error);
      process.exit(1);
    } finally {
      await stack.close();
    }
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '');
  writeFileSync(join(dir, `bench-${stamp}.json`), `${JSON.stringify(run, null, 2)}\n`);
  const merged = mergedResults(dir, run);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(merged, null, 2)}\n`);
  const markdown = markdownOf(merged);
  writeFileSync(join(dir, 'latest.md'), markdown);
  if (merged.simulation) writeFileSync(join(dir, 'calls.svg'), callsChartSvg(merged.simulation.rows));
  console.log(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
