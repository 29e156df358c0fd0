import type { PipelineStepKind, PipelineStepOutcome } from './pipeline-types';
import { cell } from './wait-presentation';

/** A step as the Web UI shows it: not started yet, running since a time, or how it ended. */
export interface PipelineStepView {
  name: string;
  kind: PipelineStepKind;
  /** The workflow or activity type, or the signal's name and target. */
  target: string;
  stepId: string;
  state: 'waiting for the import' | 'running' | PipelineStepOutcome['status'];
  sinceMs?: number;
  error?: string;
}

export interface PipelineDetailsInput {
  /** Where the pipeline is: waiting for the import, or running the steps of one outcome. */
  stage: string;
  waitWorkflowId: string;
  steps: PipelineStepView[];
}

/** A code span in a table cell: no backtick may end it early, and `\|` is GFM's pipe inside a cell. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\s+/g, ' ')}\``;
}

const KIND_NAMES: Record<PipelineStepKind, string> = {
  childWorkflow: 'child workflow',
  activity: 'activity',
  signal: 'signal',
};

/**
 * The pipeline's current details in the Web UI. A step that no worker serves (a child workflow type
 * nobody registers) stays `running`: its start time and id say where to look.
 */
export function pipelineDetailsMarkdown(input: PipelineDetailsInput): string {
  const lines = [
    `### Neptune import pipeline: ${cell(input.stage)}`,
    '',
    `The wait: workflow \`${input.waitWorkflowId.replace(/`/g, "'")}\``,
    '',
  ];
  if (input.steps.length === 0) return [...lines, 'No steps for this outcome.'].join('\n');
  lines.push('| step | kind | runs | state | id |', '|---|---|---|---|---|');
  for (const step of input.steps) {
    let state: string = step.state;
    if (step.sinceMs !== undefined) state += ` since ${new Date(step.sinceMs).toISOString()}`;
    if (step.error) state += `: ${step.error}`;
    lines.push(
      `| ${cell(step.name)} | ${KIND_NAMES[step.kind]} | ${code(step.target)} | ${cell(state)} | ${code(step.stepId)} |`,
    );
  }
  return lines.join('\n');
}
