import { setCurrentDetails } from '@temporalio/workflow';
import type { PlannedStep } from '../src/model/pipeline-plan';
import { pipelineDetailsMarkdown, type PipelineStepView } from '../src/model/pipeline-presentation';
import type { PipelineStep, PipelineStepOutcome } from '../src/model/pipeline-types';

type Outcome = 'onSucceeded' | 'onFailed';

/** What a step runs, in words: its workflow or activity type (and queue), or the signal and its target. */
function targetOf(step: PipelineStep): string {
  const queue = 'taskQueue' in step && step.taskQueue ? ` on ${step.taskQueue}` : '';
  if ('workflowType' in step) return `${step.workflowType}${queue}`;
  if ('activityType' in step) return `${step.activityType}${queue}`;
  return `${step.signalName} to ${step.workflowId}`;
}

function viewOf(planned: PlannedStep, outcome: Outcome): PipelineStepView {
  return {
    name: `${planned.name} (${outcome})`,
    kind: planned.kind,
    target: targetOf(planned.step),
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
