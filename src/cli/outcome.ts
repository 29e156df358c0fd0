import { ApplicationFailure } from '@temporalio/common';
import { formatDuration } from '../model/durations';
import type { ImportTaskPipelineResult } from '../model/pipeline-types';
import type { AwaitImportTaskResult } from '../model/wait-types';
import { ExitCode, exitCodeOfFailureType } from './exit-codes';
import type { Followed } from './follow';
import type { Output } from './progress-view';

/**
 * Prints how a followed wait ended (a line, or with --json the result object alone on stdout) and
 * returns the exit code: 0 SUCCEEDED, 2 the import ended otherwise, 3 a permanent error, 4 the deadline.
 */
export function reportOutcome(
  followed: Followed<AwaitImportTaskResult & { consoleUrl?: string }>,
  options: { label: string; json: boolean; output: Output },
): ExitCode {
  const { label, json, output } = options;
  if ('interrupted' in followed) {
    output.stderr.write(`${label}: stopped following; the workflow goes on in Temporal\n`);
    return ExitCode.INTERRUPTED;
  }
  if ('result' in followed) {
    const { result } = followed;
    if (json) output.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      output.stdout.write(
        `${label}: ${result.task.status} after ${formatDuration(result.waitedMs)} ` +
          `(${result.polls} poll${result.polls === 1 ? '' : 's'}, ${result.runs} run${result.runs === 1 ? '' : 's'})\n`,
      );
      if (result.consoleUrl) output.stdout.write(`AWS console: ${result.consoleUrl}\n`);
    }
    return result.task.phase === 'succeeded' ? ExitCode.OK : ExitCode.IMPORT_ENDED;
  }
  const { failure } = followed;
  const type = failure instanceof ApplicationFailure ? (failure.type ?? undefined) : undefined;
  if (json) {
    const details = failure instanceof ApplicationFailure ? failure.details : undefined;
    output.stdout.write(
      `${JSON.stringify({ failure: { type: type ?? failure.name, message: failure.message, details } }, null, 2)}\n`,
    );
  } else {
    output.stdout.write(`${label}: ${type ?? failure.name}: ${failure.message}\n`);
  }
  return exitCodeOfFailureType(type);
}

/**
 * How a followed pipeline ended: the wait's outcome with the console page of the import it started, then
 * each step's (or, with --json, the result object alone). A pipeline that failed is reported as any run.
 */
export function reportPipelineOutcome(
  followed: Followed<ImportTaskPipelineResult>,
  options: { label: string; json: boolean; output: Output },
): ExitCode {
  if (!('result' in followed)) return reportOutcome(followed, options);
  const { result } = followed;
  const { output } = options;
  if (options.json) {
    output.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return ExitCode.OK;
  }
  const consoleUrl = result.started?.consoleUrl;
  reportOutcome(
    { result: { ...result.wait, ...(consoleUrl !== undefined && { consoleUrl }) } },
    { label: result.wait.task.taskId, json: false, output },
  );
  for (const step of result.steps) {
    const said = step.result !== undefined ? ` → ${JSON.stringify(step.result)}` : '';
    output.stdout.write(`step ${step.name}: ${step.status}${said}\n`);
  }
  return ExitCode.OK;
}
