import { SingleBar } from 'cli-progress';
import { formatDuration } from '../model/durations';
import type { ImportTaskWaitStatus } from '../model/wait-types';

/** How a command shows a wait it follows: a live bar on a terminal, lines otherwise, nothing with --json. */
export interface ProgressView {
  /** The wait's latest status (from its `status` query). */
  update(status: ImportTaskWaitStatus): void;
  /** A line about the command itself ("Started workflow …"), kept off stdout with --json. */
  note(line: string): void;
  /** Ends the live display, before the outcome is printed. */
  stop(): void;
}

export interface Output {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
}

function count(value: number | undefined): string {
  return value === undefined ? '—' : value.toLocaleString('en-US');
}

/** "IMPORTING 42% · 1,234 statements · 3 polls · next in 45 s": one line for logs and non-terminals. */
export function describeStatus(status: ImportTaskWaitStatus, nowMs: number): string {
  const task = status.task;
  if (!task) return 'waiting for the first answer';
  const progress = task.details?.progressPercentage;
  const statements = task.details?.statementCount;
  return [
    `${task.status}${progress !== undefined ? ` ${progress}%` : ''}`,
    statements !== undefined ? `${count(statements)} statements` : undefined,
    `${status.polls} poll${status.polls === 1 ? '' : 's'}`,
    status.nextPollAt ? `next in ${formatDuration(Date.parse(status.nextPollAt) - nowMs)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Plain lines: one each time the status or progress changes (not when only the next poll moves). */
function linesView(label: string, out: Output['stdout'], now: () => number): ProgressView {
  let last = '';
  return {
    update(status) {
      const line = describeStatus(status, now());
      const changed = line.replace(/ · next in .*$/, '');
      if (changed !== last) out.write(`${label}: ${line}\n`);
      last = changed;
    },
    note: (line) => out.write(`${line}\n`),
    stop() {},
  };
}

/**
 * A live bar on a terminal, redrawn in place by cli-progress: status, percent, statements, time since the
 * wait started and the next poll.
 */
function barView(label: string, out: Output['stdout'], now: () => number): ProgressView {
  const bar = new SingleBar({
    format: `${label} {status} |{bar}| {percentage}% · {statements} statements · {elapsed} · {next}`,
    barsize: 24,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: false,
    stream: out as NodeJS.WritableStream,
    // The bar is drawn by update(); no timer of its own keeps the process alive.
    noTTYOutput: false,
    fps: 5,
  });
  let started = false;
  const payload = (status: ImportTaskWaitStatus) => ({
    status: status.task?.status ?? 'WAITING',
    statements: count(status.task?.details?.statementCount),
    elapsed: formatDuration(now() - Date.parse(status.startedAt)),
    next: status.nextPollAt ? `next poll in ${formatDuration(Date.parse(status.nextPollAt) - now())}` : '',
  });
  return {
    update(status) {
      const percent = Math.round(status.task?.details?.progressPercentage ?? 0);
      if (!started) bar.start(100, percent, payload(status));
      else bar.update(percent, payload(status));
      started = true;
    },
    note(line) {
      out.write(`${line}\n`);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

export function createProgressView(options: {
  label: string;
  json: boolean;
  output: Output;
  now?: () => number;
}): ProgressView {
  const now = options.now ?? Date.now;
  if (options.json) {
    return { update() {}, note: (line) => options.output.stderr.write(`${line}\n`), stop() {} };
  }
  return options.output.stdout.isTTY
    ? barView(options.label, options.output.stdout, now)
    : linesView(options.label, options.output.stdout, now);
}
