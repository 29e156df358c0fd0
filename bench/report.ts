/**
 * The bench's results as Markdown tables and an SVG chart; the JSON beside them holds every figure.
 */
import type { WaitSummary } from '../src/testing/poll-simulation';
import type { LoopRun } from './loops';
import { STRATEGIES, type SimulatedRow } from './simulation';

export interface RealStackComparison {
  importSeconds: number;
  real: LoopRun;
  simulated: WaitSummary;
  /** Per figure: real / simulated, and whether it is within 10 %. */
  agreement: Array<{ figure: string; real: number; simulated: number; ratio: number; within10: boolean }>;
}

export interface CapacityResult {
  waits: number;
  /** When this size ran (a later run of other sizes keeps it). Absent in results from before 2026-11-29. */
  date?: string;
  runs: LoopRun[];
  /** library / hand-written, at the same poll rate. */
  cpuRatio: number;
  rssRatio: number;
}

/** One import length on the real stack, with when and how it ran. */
export type RealStackRun = RunStamp & { comparison: RealStackComparison };

/** When, how and where a part of the bench ran. */
export interface RunStamp {
  date: string;
  command: string;
  machine: { cpus: number; memoryGb: number; node: string };
}

export interface BenchResults {
  simulation?: RunStamp & { rows: SimulatedRow[] };
  /** The real stack, one run per import length, shortest first; a later run of one length replaces its own. */
  realStackRuns?: RealStackRun[];
  /** Results from before 2026-12: the 10-minute run (read into realStackRuns, never written). */
  realStack?: RealStackRun;
  /** Results from before 2026-12: the 1-hour run (read into realStackRuns, never written). */
  realStackLong?: RealStackRun;
  capacity?: RunStamp & {
    runs: CapacityResult[];
    /** Concurrent 1-hour waits one machine's CPU holds, from the capacity runs' cost per call. */
    oneHourWaitsPerMachine: { defaultSchedule: number; every60s: number; basis: string };
  };
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 100_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

const detection = (s: { p50DetectionMs: number; p95DetectionMs: number; maxDetectionMs: number }) =>
  `${duration(s.p50DetectionMs)} / ${duration(s.p95DetectionMs)} / ${duration(s.maxDetectionMs)}`;

const minutes = (m: number) => (m < 60 ? `${m} min` : `${m / 60} h`);

function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const align = header.map((_, i) => (rightAligned.includes(i) ? '---:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function simulationMarkdown(rows: readonly SimulatedRow[]): string {
  const names = STRATEGIES.map((s) => s.name);
  return table(
    [
      'profile',
      'before IMPORTING',
      'duration',
      ...names.map((n) => `calls: ${n}`),
      'fewer calls than every 60 s',
      ...names.map((n) => `detection: ${n}`),
    ],
    rows.map((row) => {
      const ours = row.results['this schedule']!;
      const every60 = row.results['every 60 s']!;
      return [
        row.profile,
        row.preImporting,
        minutes(row.minutes),
        ...names.map((n) => row.results[n]!.meanCalls.toFixed(1)),
        `${(every60.meanCalls / ours.meanCalls).toFixed(2)}x`,
        ...names.map((n) => {
          const s = row.results[n]!;
          return s.gaveUp === s.runs ? `gave up after ${s.meanCalls} calls` : detection(s);
        }),
      ];
    }),
    [3, 4, 5, 6, 7],
  );
}

/** One table for every import length: each figure on the real stack beside the same waits simulated. */
export function realStackMarkdown(runs: readonly RealStackRun[]): string {
  const rows = runs.flatMap(({ comparison: c, date }) =>
    c.agreement.map((a) => [
      minutes(c.importSeconds / 60),
      String(c.real.waits),
      date.slice(0, 10),
      a.figure,
      a.figure === 'calls per wait' ? a.real.toFixed(2) : duration(a.real),
      a.figure === 'calls per wait' ? a.simulated.toFixed(2) : duration(a.simulated),
      a.ratio.toFixed(2),
      a.within10 ? 'yes' : 'no',
    ]),
  );
  return table(
    ['import', 'waits', 'date', 'figure', 'real stack', 'simulated', 'real / simulated', 'within 10 %'],
    rows,
    [1, 4, 5, 6],
  );
}

export function capacityMarkdown(results: readonly CapacityResult[]): string {
  const rows = results.flatMap((r) =>
    r.runs.map((run) => [
      String(r.waits),
      run.kind,
      run.meanCalls.toFixed(2),
      `${run.wallSeconds.toFixed(0)} s / ${run.idealSeconds.toFixed(0)} s`,
      run.kind === 'no-op' ? '—' : duration(run.p95DetectionMs),
      run.workerCpuSeconds.toFixed(1),
      run.serverCpuSeconds.toFixed(1),
      `${(run.workerPeakRssBytes / 2 ** 20).toFixed(0)} MiB`,
      run.meanHistoryEvents.toFixed(0),
    ]),
  );
  const ratios = results.map(
    (r) =>
      `${r.waits} waits${r.date ? ` (${r.date.slice(0, 10)})` : ''}: CPU ${r.cpuRatio.toFixed(2)}x, ` +
      `peak RSS ${r.rssRatio.toFixed(2)}x`,
  );
  return (
    table(
      [
        'waits',
        'loop',
        'calls per wait',
        'wall / ideal',
        'detection p95',
        'worker CPU s',
        'server CPU s',
        'worker peak RSS',
        'history events per wait',
      ],
      rows,
      [0, 2, 4, 5, 6, 7, 8],
    ) + `\n\nlibrary / hand-written at the same poll rate: ${ratios.join('; ')}.`
  );
}

/** Calls per wait for linear imports with the emulator's pre-IMPORTING share, by duration and strategy. */
export function callsChartSvg(rows: readonly SimulatedRow[]): string {
  const picked = rows.filter((r) => r.profile === 'linear' && r.preImporting === 'typical');
  const names = STRATEGIES.map((s) => s.name);
  const colours = ['#2563eb', '#9ca3af', '#f59e0b', '#10b981'];
  const width = 720;
  const height = 360;
  const left = 60;
  const bottom = 300;
  const maxCalls = Math.max(...picked.flatMap((r) => names.map((n) => r.results[n]!.meanCalls)));
  const scale = (calls: number) => (Math.log10(1 + calls) / Math.log10(1 + maxCalls)) * (bottom - 40);
  const group = (width - left - 20) / picked.length;
  const bar = (group - 20) / names.length;
  const bars = picked.flatMap((row, g) =>
    names.map((name, i) => {
      const calls = row.results[name]!.meanCalls;
      const h = scale(calls);
      const x = left + g * group + 10 + i * bar;
      return (
        `<rect x="${x.toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(bar - 2).toFixed(1)}" ` +
        `height="${h.toFixed(1)}" fill="${colours[i]}"><title>${name}, ${minutes(row.minutes)}: ` +
        `${calls.toFixed(1)} calls</title></rect>` +
        `<text x="${(x + bar / 2 - 1).toFixed(1)}" y="${(bottom - h - 4).toFixed(1)}" font-size="10" ` +
        `text-anchor="middle">${calls < 100 ? calls.toFixed(1) : calls.toFixed(0)}</text>`
      );
    }),
  );
  const labels = picked.map(
    (row, g) =>
      `<text x="${(left + g * group + group / 2).toFixed(1)}" y="${bottom + 18}" font-size="12" ` +
      `text-anchor="middle">${minutes(row.minutes)} import</text>`,
  );
  const legend = names.map(
    (name, i) =>
      `<rect x="${left + i * 160}" y="330" width="12" height="12" fill="${colours[i]}"/>` +
      `<text x="${left + i * 160 + 16}" y="340" font-size="12">${name}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<text x="${left}" y="20" font-size="14">GetImportTask calls per wait (log scale; simulated, ` +
      `emulator's succeeds timeline; Airflow gives up after 60 calls)</text>`,
    `<line x1="${left}" y1="${bottom}" x2="${width - 20}" y2="${bottom}" stroke="#374151"/>`,
    ...bars,
    ...labels,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
