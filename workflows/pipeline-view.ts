import { setCurrentDetails } from '@temporalio/workflow';
import type { PlannedStep } from '../src/model/pipeline-plan';
import { pipelineDetailsMarkdown, type PipelineStepView } from '../src/model/pipeline-presentation';
import type { PipelineStepOutcome } from '../src/model/pipeline-types';

type Outcome = 'onSucceeded' | 'onFailed';

/** What a step runs, in words: its workflow or activity type (and queue), or the signal and its target. */
function targetOf({ step, kind }: PlannedStep): string {
  const fields = step as unknown as Partial<Record<string, unknown>>;
  const queue = typeof fields.taskQueue === 'string' ? ` on ${fields.taskQueue}` : '';
  if (kind === 'childWorkflow') return `${String(fields.workflowType)}${queue}`;
  if (kind === 'activity') return `${String(fields.activityType)}${queue}`;
  return `${String(fields.signalName)} to ${String(fields.workflowId)}`;
}

function viewOf(planned: PlannedStep, outcome: Outcome): PipelineStepView {
  return {
    name: `${planned.name} (${outcome})`,
    kind: planned.kind,
    target: targetOf(planned),
    stepId: planned.stepId,
    state: 'waiting for the import',
  };
}

/** The pipeline's current details in the Web UI: its wait, then each step's state as it runs. */
export function createPipelineView(
  waitWorkflowId: string,
  planned: Record<Outcome, PlannedStep[]>,
  startsTheImport: boolean,
) {
  let stage = startsTheImport ? 'starting the import, then waiting for it' : 'waiting for the import';
  let steps = [
    ...planned.onSucceeded.map((step) => viewOf(step, 'onSucceeded')),
    ...planned.onFailed.map((step) => viewOf(step, 'onFailed')),
  ];
  const show = () => setCurrentDetails(pipelineDetailsMarkdown({ stage, waitWorkflowId, steps }));
  const update = (stepId: string, change: Partial<PipelineStepView>) => {
    steps = steps.map((step) => (step.stepId === stepId ? { ...step, ...change } : step));
    show();
  };
  show();
  return {
    runningSteps(outcome: Outcome) {
      stage = `the import ${outcome === 'onSucceeded' ? 'succeeded' : 'did not succeed'}: running its steps`;
      steps = planned[outcome].map((step) => viewOf(step, outcome));
      show();
    },
    stepStarted(step: PlannedStep) {
      update(step.stepId, { state: 'running', sinceMs: Date.now() });
    },
    stepEnded(outcome: PipelineStepOutcome) {
      update(outcome.stepId, { state: outcome.status, sinceMs: undefined, error: outcome.error });
    },
    ended(what: string) {
      stage = what;
      show();
    },
  };
}

export type PipelineView = ReturnType<typeof createPipelineView>;
