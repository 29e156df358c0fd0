import { compileRetryPolicy, type RetryPolicy } from '@temporalio/common';
import { parseOptionalDuration } from './durations';
import { readsAsToday, type InputReading } from './input-reading';
import { validateTaskIdentifier } from './input-validation';
import { describeReceived, InvalidInputError } from './invalid-input';
import { optionalBoolean, rejectUnknownFields } from './known-fields';
import type { ImportTaskPipelineInput, PipelineStep, PipelineStepKind } from './pipeline-types';

/** A step as the pipeline runs it: its kind, its name and its id, `<pipeline id>/<name>`. */
export interface PlannedStep {
  step: PipelineStep;
  kind: PipelineStepKind;
  name: string;
  stepId: string;
}

/** `<pipeline id>/await` is the wait's own child workflow. */
const RESERVED_STEP_NAMES = ['await'];

const PIPELINE_FIELDS = ['start', 'createGraph', 'await', 'onSucceeded', 'onFailed', 'parallel'];
/** Each kind's own fields, beside `name` and `args`; the first is what makes a step that kind. */
const STEP_FIELDS: Record<PipelineStepKind, readonly string[]> = {
  childWorkflow: ['workflowType', 'taskQueue', 'workflowExecutionTimeout'],
  activity: [
    'activityType',
    'taskQueue',
    'startToCloseTimeout',
    'scheduleToStartTimeout',
    'scheduleToCloseTimeout',
    'heartbeatTimeout',
    'retry',
  ],
  signal: ['signalName', 'workflowId'],
};

/** Fields of a step that are durations: one that is not would fail the step's start, hours later. */
const STEP_DURATIONS = [
  'workflowExecutionTimeout',
  'startToCloseTimeout',
  'scheduleToStartTimeout',
  'scheduleToCloseTimeout',
  'heartbeatTimeout',
] as const;

const RETRY_POLICY_FIELDS = [
  'initialInterval',
  'backoffCoefficient',
  'maximumInterval',
  'maximumAttempts',
  'nonRetryableErrorTypes',
];

/** A step's retry policy as Temporal will take it: known fields, a list of type names, valid values. */
function checkRetryPolicy(retry: unknown, at: string): void {
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry)) {
    throw new InvalidInputError(at, describeReceived(retry), "a retry policy object (Temporal's)");
  }
  rejectUnknownFields(`${at}.`, retry, RETRY_POLICY_FIELDS);
  const types: unknown = (retry as RetryPolicy).nonRetryableErrorTypes;
  if (types !== undefined && !(Array.isArray(types) && types.every((t) => typeof t === 'string'))) {
    throw new InvalidInputError(
      `${at}.nonRetryableErrorTypes`,
      describeReceived(types),
      'a list of type names',
    );
  }
  const policy = retry as Record<string, unknown>;
  for (const field of ['initialInterval', 'maximumInterval'] as const) {
    parseOptionalDuration(`${at}.${field}`, policy[field]);
  }
  const backoff = policy.backoffCoefficient;
  if (backoff !== undefined && (typeof backoff !== 'number' || !Number.isFinite(backoff) || backoff < 1)) {
    throw new InvalidInputError(`${at}.backoffCoefficient`, describeReceived(backoff), 'a number ≥ 1');
  }
  const attempts = policy.maximumAttempts;
  if (
    attempts !== undefined &&
    (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > 2 ** 31 - 1)
  ) {
    throw new InvalidInputError(
      `${at}.maximumAttempts`,
      describeReceived(attempts),
      'a whole number from 0 (no limit) to 2147483647',
    );
  }
  try {
    compileRetryPolicy(retry);
  } catch (error) {
    throw new InvalidInputError(
      at,
      describeReceived(retry),
      `a valid retry policy (${(error as Error).message})`,
    );
  }
}

/**
 * A step exactly one kind, its type a non-empty string, and no field it does not have; read as today, also
 * its durations, task queue, name and retry policy.
 */
function checkStep(step: object, at: string, kind: PipelineStepKind, reading: InputReading): void {
  const kinds = (Object.keys(STEP_FIELDS) as PipelineStepKind[]).filter((k) => STEP_FIELDS[k][0]! in step);
  if (kinds.length > 1) {
    throw new InvalidInputError(
      at,
      describeReceived(step),
      `exactly one of ${kinds.map((k) => STEP_FIELDS[k][0]).join(', ')}: a step is one kind`,
    );
  }
  for (const field of kind === 'signal' ? ['signalName', 'workflowId'] : [STEP_FIELDS[kind][0]!]) {
    const value: unknown = (step as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidInputError(`${at}.${field}`, describeReceived(value), 'a non-empty string');
    }
  }
  rejectUnknownFields(`${at}.`, step, ['name', 'args', ...STEP_FIELDS[kind]]);
  const fields = step as Record<string, unknown>;
  if (fields.args !== undefined && !Array.isArray(fields.args)) {
    throw new InvalidInputError(`${at}.args`, describeReceived(fields.args), 'a list of arguments');
  }
  if (!readsAsToday(reading)) return;
  for (const field of STEP_DURATIONS) parseOptionalDuration(`${at}.${field}`, fields[field]);
  for (const field of ['taskQueue', 'name'] as const) {
    const value = fields[field];
    if (value !== undefined && (typeof value !== 'string' || value.trim() === '')) {
      throw new InvalidInputError(`${at}.${field}`, describeReceived(value), 'a non-empty string');
    }
  }
  if (fields.retry !== undefined) checkRetryPolicy(fields.retry, `${at}.retry`);
}

function kindOf(step: PipelineStep): PipelineStepKind | undefined {
  if (typeof step !== 'object' || step === null) return undefined;
  if ('workflowType' in step && typeof step.workflowType === 'string') return 'childWorkflow';
  if ('activityType' in step && typeof step.activityType === 'string') return 'activity';
  if ('signalName' in step && typeof step.signalName === 'string' && typeof step.workflowId === 'string') {
    return 'signal';
  }
  return undefined;
}

/**
 * Checks a pipeline's input and names its steps, before anything runs: a typo must fail the pipeline (or
 * the command that would start it) before it waits for hours, not after. Throws an InvalidInputError
 * naming the field.
 */
export function planPipelineSteps(
  input: ImportTaskPipelineInput,
  pipelineWorkflowId: string,
  /**
   * Pipelines started before 0.2.0 took any step name (a number too), and before 0.3.0 ignored unknown
   * fields and ambiguous steps (`lenient`); their replays must keep doing so.
   */
  options: { anyName?: boolean } & InputReading = {},
): Record<'onSucceeded' | 'onFailed', PlannedStep[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('input', describeReceived(input), 'a pipeline input object');
  }
  if (!options.lenient) {
    rejectUnknownFields('', input, PIPELINE_FIELDS);
    optionalBoolean('parallel', input.parallel);
  }
  const startsImport = input.start !== undefined || input.createGraph !== undefined;
  if (!startsImport && (typeof input.await !== 'object' || input.await === null)) {
    throw new InvalidInputError(
      'await',
      describeReceived(input.await),
      'the awaitImportTask input (or `start` or `createGraph` to start the import)',
    );
  }
  if (!startsImport && readsAsToday(options)) {
    validateTaskIdentifier(
      (input.await as { taskIdentifier?: unknown }).taskIdentifier,
      'await.taskIdentifier',
    );
  }
  const names = new Set<string>(RESERVED_STEP_NAMES);
  const planList = (list: 'onSucceeded' | 'onFailed'): PlannedStep[] => {
    const steps: unknown = input[list] ?? [];
    if (!Array.isArray(steps)) throw new InvalidInputError(list, describeReceived(steps), 'a list of steps');
    return (steps as PipelineStep[]).map((step, index): PlannedStep => {
      const kind = kindOf(step);
      if (!kind) {
        throw new InvalidInputError(
          `${list}[${index}]`,
          describeReceived(step),
          'a step with workflowType, activityType, or workflowId and signalName',
        );
      }
      if (!options.lenient) checkStep(step, `${list}[${index}]`, kind, options);
      const name = step.name ?? `${list}-${index}`;
      if ((typeof name !== 'string' && !options.anyName) || names.has(name)) {
        throw new InvalidInputError(
          `${list}[${index}].name`,
          describeReceived(name),
          `a step name not reserved (${RESERVED_STEP_NAMES.join(', ')}) nor used twice: step ids must be unique`,
        );
      }
      names.add(name);
      return { step, kind, name, stepId: `${pipelineWorkflowId}/${name}` };
    });
  };
  return { onSucceeded: planList('onSucceeded'), onFailed: planList('onFailed') };
}
