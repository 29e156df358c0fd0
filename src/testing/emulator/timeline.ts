/**
 * Where an import task stands, as a pure function of its timeline and of emulated time.
 * Nothing here reads a clock: the server passes in the emulated seconds since the task started.
 */

/** Statuses in which a task stays for good; anything else still counts as running. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
  'DELETED',
]);

export function isTerminalStatus(status: string): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** How progress moves within a phase: evenly, fast then slow, or slow then fast. */
export type ProgressCurve = 'linear' | 'front-loaded' | 'back-loaded';
export const PROGRESS_CURVES: readonly ProgressCurve[] = ['linear', 'front-loaded', 'back-loaded'];

/** A count reached at the end of the phase (starting from the previous phase's value), or an explicit range. */
export type CountSpec = number | { from: number; to: number };

/** One phase of a task's timeline: a status held for some emulated seconds, with progress and counts. */
export interface TimelinePhase {
  /** Any string: a status the SDK does not know is allowed, to exercise unknown-status handling. */
  status: string;
  /** How long the phase lasts in emulated seconds; omitted on (and only on) the last phase. */
  seconds?: number;
  progress?: { from: number; to: number; curve?: ProgressCurve };
  statementCount?: CountSpec;
  dictionaryEntryCount?: CountSpec;
  errorCount?: CountSpec;
  /** Shown while the task is in this phase only. */
  errorDetails?: string;
  /** Shown while the task is in this phase only. */
  statusReason?: string;
}

/** The timelines the emulator knows by name (docs/emulator.md). */
export type BuiltInTimelineName = 'succeeds' | 'fails' | 'reprovisions' | 'deleted';
export const BUILT_IN_TIMELINES: readonly BuiltInTimelineName[] = [
  'succeeds',
  'fails',
  'reprovisions',
  'deleted',
];

/** A timeline by name (scaled to a duration) or as explicit phases. */
export type TimelineSpec = BuiltInTimelineName | TimelinePhase[];

export const DEFAULT_DURATION_SECONDS = 3600;
export const DEFAULT_CANCELLING_SECONDS = 30;

const STATEMENTS = 1_000_000;
const DICTIONARY_ENTRIES = 250_000;

/** Every built-in import first passes these phases, with no progress, as the service's imports do. */
const BEFORE_IMPORTING: TimelinePhase[] = [
  { status: 'INITIALIZING', seconds: 0.05 },
  { status: 'ANALYZING_DATA', seconds: 0.1 },
];

/** IMPORTING from 0 to `percent` %, statements and dictionary entries growing in step. */
function importingTo(percent: number, seconds: number): TimelinePhase {
  return {
    status: 'IMPORTING',
    seconds,
    progress: { from: 0, to: percent },
    statementCount: (STATEMENTS * percent) / 100,
    dictionaryEntryCount: (DICTIONARY_ENTRIES * percent) / 100,
  };
}

/** Built-in timelines as shares of the whole duration; the shares of each add up to 1. */
const BUILT_IN_SHAPES: Record<BuiltInTimelineName, TimelinePhase[]> = {
  succeeds: [...BEFORE_IMPORTING, importingTo(100, 0.85), { status: 'SUCCEEDED' }],
  fails: [
    ...BEFORE_IMPORTING,
    { ...importingTo(60, 0.55), errorCount: 1200 },
    {
      status: 'ROLLING_BACK',
      seconds: 0.3,
      statusReason: 'Import failed: the error threshold was exceeded; rolling back',
      errorDetails:
        'Malformed line in s3://emulator-bucket/import/edges-0003.csv: expected 4 columns, found 3',
    },
    {
      status: 'FAILED',
      statusReason: 'Import failed: the error threshold was exceeded',
      errorDetails:
        'Malformed line in s3://emulator-bucket/import/edges-0003.csv: expected 4 columns, found 3',
    },
  ],
  reprovisions: [
    ...BEFORE_IMPORTING,
    importingTo(50, 0.25),
    {
      status: 'REPROVISIONING',
      seconds: 0.1,
      statusReason: 'The graph needs more memory; reprovisioning and restarting the import',
    },
    {
      status: 'IMPORTING',
      seconds: 0.5,
      progress: { from: 0, to: 100 },
      statementCount: { from: 0, to: STATEMENTS },
      dictionaryEntryCount: { from: 0, to: DICTIONARY_ENTRIES },
    },
    { status: 'SUCCEEDED' },
  ],
  deleted: [
    ...BEFORE_IMPORTING,
    importingTo(40, 0.85),
    { status: 'DELETED', statusReason: 'The import task was deleted while it was running' },
  ],
};

export function isBuiltInTimelineName(value: unknown): value is BuiltInTimelineName {
  return typeof value === 'string' && (BUILT_IN_TIMELINES as readonly string[]).includes(value);
}

/** Total emulated seconds before the last (resting) phase begins. */
export function timelineDuration(phases: readonly TimelinePhase[]): number {
  return phases.reduce((sum, p) => sum + (p.seconds ?? 0), 0);
}

/** Stretches the timed phases so that they add up to `durationSeconds`, keeping their proportions. */
export function scaleTimeline(phases: readonly TimelinePhase[], durationSeconds: number): TimelinePhase[] {
  const total = timelineDuration(phases);
  if (total <= 0) return phases.map((p) => ({ ...p }));
  const factor = durationSeconds / total;
  return phases.map((p) => (p.seconds === undefined ? { ...p } : { ...p, seconds: p.seconds * factor }));
}

export function builtInTimeline(
  name: BuiltInTimelineName,
  durationSeconds = DEFAULT_DURATION_SECONDS,
): TimelinePhase[] {
  return scaleTimeline(BUILT_IN_SHAPES[name], durationSeconds);
}

/** Explicit phases keep their own seconds unless a duration is given. */
export function resolveTimeline(spec: TimelineSpec, durationSeconds?: number): TimelinePhase[] {
  if (typeof spec === 'string') return builtInTimeline(spec, durationSeconds ?? DEFAULT_DURATION_SECONDS);
  return durationSeconds === undefined ? spec.map((p) => ({ ...p })) : scaleTimeline(spec, durationSeconds);
}

export interface TaskClock {
  /** Emulated seconds since the task started (may be fractional; negative counts as 0). */
  elapsedSeconds: number;
  /** Emulated seconds after the start at which CancelImportTask was accepted. */
  cancelledAtSeconds?: number;
  /** How long CANCELLING lasts before CANCELLED. */
  cancellingSeconds?: number;
  /** Emulated seconds after the start at which the task was deleted (emulator.deleteTask). */
  deletedAtSeconds?: number;
}

export interface TaskState {
  status: string;
  terminal: boolean;
  /** Stops counting once the task reached its terminal status. */
  timeElapsedSeconds: number;
  progressPercentage: number;
  statementCount: number;
  dictionaryEntryCount: number;
  errorCount: number;
  errorDetails?: string;
  statusReason?: string;
  /** 1, plus one for every REPROVISIONING phase already left behind (the import restarts). */
  attemptNumber: number;
  phaseIndex: number;
}

interface Values {
  progress: number;
  statementCount: number;
  dictionaryEntryCount: number;
  errorCount: number;
}

const COUNT_KEYS = ['statementCount', 'dictionaryEntryCount', 'errorCount'] as const;

function ease(curve: ProgressCurve | undefined, t: number): number {
  const x = Math.min(1, Math.max(0, t));
  switch (curve) {
    case 'front-loaded':
      return 1 - (1 - x) * (1 - x);
    case 'back-loaded':
      return x * x;
    default:
      return x;
  }
}

function countRange(spec: CountSpec | undefined, previous: number): { from: number; to: number } {
  if (spec === undefined) return { from: previous, to: previous };
  if (typeof spec === 'number') return { from: previous, to: spec };
  return spec;
}

function valuesAt(phase: TimelinePhase, previous: Values, fraction: number): Values {
  const f = ease(phase.progress?.curve, fraction);
  const progress = phase.progress
    ? phase.progress.from + (phase.progress.to - phase.progress.from) * f
    : previous.progress;
  const out: Values = { ...previous, progress };
  for (const key of COUNT_KEYS) {
    const range = countRange(phase[key], previous[key]);
    out[key] = range.from + (range.to - range.from) * f;
  }
  return out;
}

function naturalState(phases: readonly TimelinePhase[], elapsed: number): TaskState {
  let values: Values = { progress: 0, statementCount: 0, dictionaryEntryCount: 0, errorCount: 0 };
  let start = 0;
  let attemptNumber = 1;
  for (let i = 0; i < phases.length; i++) {
    const phase = phases[i];
    if (phase === undefined) break;
    const isLast = i === phases.length - 1 || phase.seconds === undefined;
    const seconds = phase.seconds ?? 0;
    if (isLast || elapsed < start + seconds) {
      const fraction = isLast ? 1 : seconds > 0 ? (elapsed - start) / seconds : 1;
      const v = valuesAt(phase, values, fraction);
      const state: TaskState = {
        status: phase.status,
        terminal: isLast && isTerminalStatus(phase.status),
        timeElapsedSeconds: Math.floor(isLast ? Math.min(elapsed, start) : elapsed),
        progressPercentage: Math.floor(Math.min(100, Math.max(0, v.progress))),
        statementCount: Math.floor(v.statementCount),
        dictionaryEntryCount: Math.floor(v.dictionaryEntryCount),
        errorCount: Math.floor(v.errorCount),
        attemptNumber,
        phaseIndex: i,
      };
      if (phase.errorDetails !== undefined) state.errorDetails = phase.errorDetails;
      if (phase.statusReason !== undefined) state.statusReason = phase.statusReason;
      return state;
    }
    values = valuesAt(phase, values, 1);
    if (phase.status === 'REPROVISIONING') attemptNumber++;
    start += seconds;
  }
  throw new Error('A timeline needs at least one phase');
}

/**
 * The task's state at `clock.elapsedSeconds`. Deletion wins over cancellation, which wins over the
 * timeline; a cancel accepted after the timeline already ended changes nothing.
 */
export function taskStateAt(phases: readonly TimelinePhase[], clock: TaskClock): TaskState {
  const elapsed = Math.max(0, clock.elapsedSeconds);
  const end = timelineDuration(phases);
  const { deletedAtSeconds, cancelledAtSeconds } = clock;

  if (deletedAtSeconds !== undefined && elapsed >= deletedAtSeconds) {
    const frozen = naturalState(phases, deletedAtSeconds);
    return {
      ...frozen,
      status: 'DELETED',
      terminal: true,
      timeElapsedSeconds: Math.floor(Math.min(deletedAtSeconds, frozen.terminal ? end : deletedAtSeconds)),
      statusReason: 'The import task was deleted',
    };
  }

  if (cancelledAtSeconds !== undefined && cancelledAtSeconds < end && elapsed >= cancelledAtSeconds) {
    const frozen = naturalState(phases, cancelledAtSeconds);
    const cancelling = clock.cancellingSeconds ?? DEFAULT_CANCELLING_SECONDS;
    const done = elapsed >= cancelledAtSeconds + cancelling;
    const state: TaskState = {
      ...frozen,
      status: done ? 'CANCELLED' : 'CANCELLING',
      terminal: done,
      timeElapsedSeconds: Math.floor(done ? cancelledAtSeconds + cancelling : elapsed),
      statusReason: 'The import task was cancelled on request',
    };
    delete state.errorDetails;
    return state;
  }

  return naturalState(phases, elapsed);
}
