import type { EmulatedOperation, FaultKind } from './faults';

export type LoggedOperation = EmulatedOperation | 'UnknownOperation';

/** One request the emulator received, and how it answered. */
export interface RequestRecord {
  operation: LoggedOperation;
  taskId?: string;
  graphId?: string;
  /** When the request arrived, in ms on the emulator's (possibly injected) clock. */
  at: number;
  /** 0 while the answer is pending (e.g. under injected latency) and when the connection was dropped. */
  httpStatus: number;
  errorType?: string;
  /** The `status` member of a successful answer (a task's or a graph's). */
  answeredStatus?: string;
  /** The injected fault that shaped the answer (a non-latency one if several hit). */
  fault?: FaultKind;
  requestId: string;
}

/** Which logged requests to count or list. */
export interface RequestFilter {
  operation?: LoggedOperation;
  taskId?: string;
}

export class RequestLog {
  private records: RequestRecord[] = [];

  /**
   * Logs a request on arrival, so a test can see it while its answer is still delayed; the caller
   * fills in the outcome on the returned record once it answers.
   */
  begin(entry: RequestRecord): RequestRecord {
    this.records.push(entry);
    return entry;
  }

  /** A copy, so callers can keep it while the emulator goes on logging. */
  entries(): RequestRecord[] {
    return this.records.map((r) => ({ ...r }));
  }

  count(filter: RequestFilter = {}): number {
    return this.records.filter(
      (r) =>
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.taskId === undefined || r.taskId === filter.taskId),
    ).length;
  }

  clear(): void {
    this.records = [];
  }
}
