import type { Random } from './ids';

/** The operations the emulator answers. */
export type EmulatedOperation =
  | 'GetImportTask'
  | 'ListImportTasks'
  | 'StartImportTask'
  | 'CancelImportTask'
  | 'CreateGraphUsingImportTask'
  | 'GetGraph'
  | 'ListGraphs';

export const EMULATED_OPERATIONS: readonly EmulatedOperation[] = [
  'GetImportTask',
  'ListImportTasks',
  'StartImportTask',
  'CancelImportTask',
  'CreateGraphUsingImportTask',
  'GetGraph',
  'ListGraphs',
];

/** Faults answered with a modelled AWS error (JSON body, x-amzn-errortype). */
export type ErrorFaultKind =
  | 'ThrottlingException'
  | 'InternalServerException'
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'AccessDeniedException'
  | 'ConflictException'
  | 'UnprocessableException'
  | 'ExpiredTokenException';

export const ERROR_FAULT_KINDS: readonly ErrorFaultKind[] = [
  'ThrottlingException',
  'InternalServerException',
  'ValidationException',
  'ResourceNotFoundException',
  'AccessDeniedException',
  'ConflictException',
  'UnprocessableException',
  'ExpiredTokenException',
];

/** What an injected fault does to an answer: an AWS error, a proxy's HTML page, latency, a dropped
 * connection, a malformed body, or a status or union member the SDK does not know. */
export type FaultKind =
  | ErrorFaultKind
  | 'html502'
  | 'html503'
  | 'latency'
  | 'slowAnswer'
  | 'dropConnection'
  | 'malformedJson'
  | 'unknownStatus'
  | 'unknownImportOption';

export const FAULT_KINDS: readonly FaultKind[] = [
  ...ERROR_FAULT_KINDS,
  'html502',
  'html503',
  'latency',
  'slowAnswer',
  'dropConnection',
  'malformedJson',
  'unknownStatus',
  'unknownImportOption',
];

export function isErrorFaultKind(kind: FaultKind): kind is ErrorFaultKind {
  return (ERROR_FAULT_KINDS as readonly string[]).includes(kind);
}

/** When a fault is active, in emulated seconds. */
export interface FaultWindow {
  /** Emulated seconds on the task's clock, or since the emulator started when the request names no known task. */
  fromSeconds?: number;
  toSeconds?: number;
}

/** A fault to inject into matching requests, by operation, task, count, rate or time window. */
export interface Fault {
  /** Omitted: every operation. */
  operation?: EmulatedOperation;
  /** Only requests whose path names this task (GetImportTask, CancelImportTask). */
  taskId?: string;
  kind: FaultKind;
  /** How many matching requests it hits; then it is spent. Omitted: unlimited. */
  count?: number;
  /** Chance (0..1) that a matching request is hit; drawn from the seeded random stream. */
  rate?: number;
  window?: FaultWindow;
  /**
   * For `latency`: the delay before the request is handled. For `slowAnswer`: the delay after it took
   * effect, before the answer (a caller that gives up meanwhile has changed the state without knowing it).
   */
  latencyMs?: number;
  /** Sets a Retry-After header on an error or HTML answer. */
  retryAfterSeconds?: number;
  /** For `unknownStatus`: the status to report. */
  status?: string;
  /** Overrides the error message. */
  message?: string;
}

export const DEFAULT_UNKNOWN_STATUS = 'QUANTUM_SYNCING';

export interface FaultRequest {
  operation: EmulatedOperation;
  taskId?: string;
  /** The emulated seconds a `window` is compared with (see FaultWindow). */
  clockSeconds: number;
}

export interface FaultDecision {
  /** Sum of the delays of every latency fault that hit. */
  latencyMs: number;
  /** The first non-latency fault that hit; latency composes with it. */
  fault?: Fault;
}

interface ArmedFault {
  fault: Fault;
  remaining: number;
}

/** Decides which configured faults hit a request, spending counts and rolling rates as it goes. */
export class FaultInjector {
  private armed: ArmedFault[] = [];

  constructor(
    private readonly random: Random,
    faults: readonly Fault[] = [],
  ) {
    for (const f of faults) this.add(f);
  }

  add(fault: Fault): void {
    this.armed.push({ fault: { ...fault }, remaining: fault.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.armed = [];
  }

  /** The faults with hits left, each with `count` set to what remains of it. */
  list(): Fault[] {
    return this.armed
      .filter((a) => a.remaining > 0)
      .map((a) => (Number.isFinite(a.remaining) ? { ...a.fault, count: a.remaining } : { ...a.fault }));
  }

  decide(request: FaultRequest): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const armed of this.armed) {
      const { fault } = armed;
      if (armed.remaining <= 0) continue;
      if (fault.kind !== 'latency' && decision.fault) continue;
      if (!matches(fault, request)) continue;
      if (fault.rate !== undefined && !(this.random() < fault.rate)) continue;
      armed.remaining--;
      if (fault.kind === 'latency') decision.latencyMs += fault.latencyMs ?? 0;
      else decision.fault = fault;
    }
    return decision;
  }
}

function matches(fault: Fault, request: FaultRequest): boolean {
  if (fault.operation !== undefined && fault.operation !== request.operation) return false;
  if (fault.taskId !== undefined && fault.taskId !== request.taskId) return false;
  const from = fault.window?.fromSeconds;
  const to = fault.window?.toSeconds;
  if (from !== undefined && request.clockSeconds < from) return false;
  if (to !== undefined && request.clockSeconds >= to) return false;
  return true;
}
