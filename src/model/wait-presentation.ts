import { formatDuration } from './durations';
import type { ImportTaskSnapshot } from './import-task-snapshot';
import type { PollDecision } from './poll-planner';

const BAR_WIDTH = 20;

export function progressBar(percent: number): string {
  const clamped = Math.min(100, Math.max(0, percent));
  const filled = Math.round((clamped / 100) * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${Math.round(clamped)}%`;
}

function count(value: number | undefined): string {
  return value === undefined ? '—' : value.toLocaleString('en-US');
}

/** Markdown cells must not break the table or smuggle in markup from a status reason. */
export function cell(text: string): string {
  return text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

/** Why the next poll is when it is, in words for the Web UI. */
export const NEXT_POLL_REASONS: Record<PollDecision['reason'], string> = {
  estimate: 'aimed from the progress so far',
  backoff: 'backing off: no usable progress yet',
  'unknown-status': 'backing off: a status this library does not know',
};

/** "2026-01-01T01:02:45.000Z (in 45 s)", or "(… ago)" for a time past. */
function timeAndDistance(atMs: number, nowMs: number): string {
  const distance = formatDuration(Math.abs(atMs - nowMs));
  return `${new Date(atMs).toISOString()} (${atMs >= nowMs ? `in ${distance}` : `${distance} ago`})`;
}

export interface WaitDetailsInput {
  taskIdentifier: string;
  task?: ImportTaskSnapshot;
  polls: number;
  runs: number;
  startedAtMs: number;
  nowMs: number;
  nextPollAtMs?: number;
  /** What the schedule decided the next poll from. */
  nextPollReason?: PollDecision['reason'];
  /** When the progress so far says the import ends. */
  predictedEndAtMs?: number;
  /** What the wait is doing besides polling, e.g. "cancelling the import". */
  note?: string;
}

/** The Markdown the Web UI shows as the workflow's current details. */
export function waitDetailsMarkdown(input: WaitDetailsInput): string {
  const { task } = input;
  const status = task
    ? `${task.status}${task.unknownStatus ? ' (unknown to this library: still waiting)' : ''}`
    : 'not polled yet';
  const lines = [`### Neptune import task \`${input.taskIdentifier}\`: ${cell(status)}`, ''];
  if (task?.details?.progressPercentage !== undefined)
    lines.push(`\`${progressBar(task.details.progressPercentage)}\``, '');
  if (input.note) lines.push(`**${cell(input.note)}**`, '');
  lines.push('| | |', '|---|---|');
  if (task?.graphId) lines.push(`| graph | \`${task.graphId}\` |`);
  lines.push(`| statements | ${count(task?.details?.statementCount)} |`);
  lines.push(`| dictionary entries | ${count(task?.details?.dictionaryEntryCount)} |`);
  lines.push(`| errors | ${count(task?.details?.errorCount)} |`);
  if (task?.statusReason) lines.push(`| status reason | ${cell(task.statusReason)} |`);
  if (task?.details?.errorDetails) lines.push(`| error details | ${cell(task.details.errorDetails)} |`);
  lines.push(`| waiting for | ${formatDuration(input.nowMs - input.startedAtMs)} |`);
  if (input.predictedEndAtMs !== undefined) {
    lines.push(`| predicted end | ${timeAndDistance(input.predictedEndAtMs, input.nowMs)} |`);
  }
  if (input.nextPollAtMs !== undefined) {
    const why = input.nextPollReason ? `: ${NEXT_POLL_REASONS[input.nextPollReason]}` : '';
    lines.push(`| next poll | ${timeAndDistance(input.nextPollAtMs, input.nowMs)}${why} |`);
  }
  lines.push(`| polls | ${input.polls} (run ${input.runs}) |`);
  return lines.join('\n');
}

/** "GetImportTask t-… — IMPORTING 42%": the activity summary, from what the last poll said. */
export function pollSummary(taskIdentifier: string, last: ImportTaskSnapshot | undefined): string {
  if (!last) return `GetImportTask ${taskIdentifier}`;
  const progress = last.details?.progressPercentage;
  return `GetImportTask ${taskIdentifier} — ${last.status}${progress !== undefined ? ` ${progress}%` : ''}`;
}

/** What `runImportTask` shows as its current details: the start, then the task and where to follow it. */
export function runDetailsMarkdown(input: {
  operation: string;
  subject: string;
  started?: { task: ImportTaskSnapshot; alreadyStarted: boolean; consoleUrl: string };
  waitWorkflowId?: string;
}): string {
  const { started } = input;
  if (!started) return `### ${input.operation} ${cell(input.subject)}: starting the import`;
  const lines = [
    `### Neptune import task \`${started.task.taskId}\`: ${started.alreadyStarted ? 'found already started' : 'started'}`,
    '',
    '| | |',
    '|---|---|',
    `| started by | ${input.operation} ${cell(input.subject)} |`,
  ];
  if (started.task.graphId) lines.push(`| graph | \`${started.task.graphId}\` |`);
  lines.push(`| AWS console | [${started.task.taskId}](${started.consoleUrl}) |`);
  if (input.waitWorkflowId) lines.push(`| waiting in | workflow \`${cell(input.waitWorkflowId)}\` |`);
  return lines.join('\n');
}
