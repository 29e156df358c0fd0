/**
 * The import-task status model shared by activities and workflows: pure, no I/O.
 *
 * Every status the service documents maps to a phase. The service's enum has grown over time (older
 * documentation lacks DELETED), so a status this model does not know is not an error: it is `unknown`,
 * treated as still running, and flagged so that operators see it.
 */

/** The ImportTaskStatus enum of the Neptune Analytics API, as the SDK declares it. */
export const KNOWN_IMPORT_TASK_STATUSES = [
  'INITIALIZING',
  'EXPORTING',
  'ANALYZING_DATA',
  'IMPORTING',
  'REPROVISIONING',
  'ROLLING_BACK',
  'SUCCEEDED',
  'FAILED',
  'CANCELLING',
  'CANCELLED',
  'DELETED',
] as const;

/** Spellings the API's prose uses that the enum does not contain. */
export const PROSE_IMPORT_TASK_STATUSES = [
  'RE_PROVISIONING',
  'ERROR_ENCOUNTERED',
  'ERROR_ENCOUNTERED_ROLLING_BACK',
] as const;

export type KnownImportTaskStatus = (typeof KNOWN_IMPORT_TASK_STATUSES)[number];
export type ProseImportTaskStatus = (typeof PROSE_IMPORT_TASK_STATUSES)[number];

/** What a status means for a wait: still `running`, one of the four terminal phases, or `unknown`. */
export type ImportTaskPhase = 'running' | 'succeeded' | 'failed' | 'cancelled' | 'deleted' | 'unknown';

export const TERMINAL_PHASES: readonly ImportTaskPhase[] = ['succeeded', 'failed', 'cancelled', 'deleted'];

function assertNever(value: never): never {
  throw new TypeError(`unhandled import task status: ${String(value)}`);
}

/**
 * Exhaustive: adding a status to the lists above without mapping it here is a compile error.
 * ROLLING_BACK is not terminal: the user guide says it "is eventually marked FAILED", and until then the
 * task still changes. CANCELLING is not terminal either: a cancel request is not a cancellation until the
 * service says CANCELLED.
 */
function phaseOfListedStatus(status: KnownImportTaskStatus | ProseImportTaskStatus): ImportTaskPhase {
  switch (status) {
    case 'INITIALIZING':
    case 'EXPORTING':
    case 'ANALYZING_DATA':
    case 'IMPORTING':
    case 'REPROVISIONING':
    case 'RE_PROVISIONING':
    case 'ROLLING_BACK':
    case 'ERROR_ENCOUNTERED':
    case 'ERROR_ENCOUNTERED_ROLLING_BACK':
    case 'CANCELLING':
      return 'running';
    case 'SUCCEEDED':
      return 'succeeded';
    case 'FAILED':
      return 'failed';
    case 'CANCELLED':
      return 'cancelled';
    case 'DELETED':
      return 'deleted';
    default:
      return assertNever(status);
  }
}

const LISTED_STATUSES: ReadonlySet<string> = new Set([
  ...KNOWN_IMPORT_TASK_STATUSES,
  ...PROSE_IMPORT_TASK_STATUSES,
]);

function isListedStatus(status: string): status is KnownImportTaskStatus | ProseImportTaskStatus {
  return LISTED_STATUSES.has(status);
}

/** The phase of a status exactly as the service sent it (no case folding: the service sends upper case). */
export function phaseOfStatus(status: string | undefined): ImportTaskPhase {
  if (status === undefined || !isListedStatus(status)) return 'unknown';
  return phaseOfListedStatus(status);
}

/** True for the phases that end a wait: succeeded, failed, cancelled, deleted. */
export function isTerminalPhase(phase: ImportTaskPhase): boolean {
  return TERMINAL_PHASES.includes(phase);
}
