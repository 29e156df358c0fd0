import { phaseOfStatus, type ImportTaskPhase } from './status-model';

/**
 * What one GetImportTask answer said, as plain JSON: it is an activity result, so it is written to workflow
 * history and must survive the data converter unchanged. Timestamps are ISO-8601 strings; `status` is
 * exactly what the service sent; `phase` is derived by the status model.
 */
export interface ImportTaskSnapshot {
  taskId: string;
  graphId?: string;
  source?: string;
  format?: string;
  parquetType?: string;
  roleArn?: string;
  /** As the service sent it, including values this library does not know. */
  status: string;
  phase: ImportTaskPhase;
  /** True when `status` is not one the status model knows. */
  unknownStatus: boolean;
  statusReason?: string;
  attemptNumber?: number;
  importOptions?: ImportTaskImportOptions;
  details?: ImportTaskProgress;
  /** When this library received the answer (ISO-8601). */
  observedAt: string;
}

/** The answer's `importTaskDetails`: progress and counts, timestamps as ISO-8601. */
export interface ImportTaskProgress {
  status?: string;
  startTime?: string;
  timeElapsedSeconds?: number;
  progressPercentage?: number;
  errorCount?: number;
  errorDetails?: string;
  statementCount?: number;
  dictionaryEntryCount?: number;
}

/**
 * The `importOptions` union. A member the SDK does not know arrives as `$unknown: [name, value]`; it is kept
 * as `{ unknown: { name, value } }` so that nothing the service said is dropped.
 */
export type ImportTaskImportOptions =
  { neptune: ImportTaskNeptuneOptions } | { unknown: { name: string; value: unknown } };

export interface ImportTaskNeptuneOptions {
  s3ExportPath?: string;
  s3ExportKmsKeyId?: string;
  preserveDefaultVertexLabels?: boolean;
  preserveEdgeIds?: boolean;
}

/** The members of a GetImportTask / StartImportTask / CancelImportTask answer that a snapshot keeps. */
export interface ImportTaskAnswer {
  taskId?: string | undefined;
  graphId?: string | undefined;
  source?: string | undefined;
  format?: string | undefined;
  parquetType?: string | undefined;
  roleArn?: string | undefined;
  status?: string | undefined;
  statusReason?: string | undefined;
  attemptNumber?: number | undefined;
  importOptions?: { neptune?: object; $unknown?: [string, unknown] } | undefined;
  importTaskDetails?:
    | {
        status?: string | undefined;
        startTime?: Date | undefined;
        timeElapsedSeconds?: number | undefined;
        progressPercentage?: number | undefined;
        errorCount?: number | undefined;
        errorDetails?: string | undefined;
        statementCount?: number | undefined;
        dictionaryEntryCount?: number | undefined;
      }
    | undefined;
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function validDateToIso(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/** Turns an SDK answer into plain JSON. `fallbackTaskId` covers answers that omit the (required) taskId. */
export function toImportTaskSnapshot(
  answer: ImportTaskAnswer,
  observedAt: Date,
  fallbackTaskId: string,
): ImportTaskSnapshot {
  // Not importTaskDetails.status: that is a free-form sub-status, and a wait must not end on it.
  const status = answer.status ?? '';
  const phase = phaseOfStatus(status);
  const details = answer.importTaskDetails;
  let importOptions: ImportTaskImportOptions | undefined;
  if (answer.importOptions?.neptune) {
    importOptions = { neptune: definedOnly({ ...answer.importOptions.neptune }) };
  } else if (answer.importOptions?.$unknown) {
    const [name, value] = answer.importOptions.$unknown;
    importOptions = { unknown: { name, value } };
  }
  return definedOnly<ImportTaskSnapshot>({
    taskId: answer.taskId ?? fallbackTaskId,
    graphId: answer.graphId,
    source: answer.source,
    format: answer.format,
    parquetType: answer.parquetType,
    roleArn: answer.roleArn,
    status,
    phase,
    unknownStatus: phase === 'unknown',
    statusReason: answer.statusReason,
    attemptNumber: answer.attemptNumber,
    importOptions,
    details: details
      ? definedOnly<ImportTaskProgress>({
          status: details.status,
          startTime: validDateToIso(details.startTime),
          timeElapsedSeconds: details.timeElapsedSeconds,
          progressPercentage: details.progressPercentage,
          errorCount: details.errorCount,
          errorDetails: details.errorDetails,
          statementCount: details.statementCount,
          dictionaryEntryCount: details.dictionaryEntryCount,
        })
      : undefined,
    observedAt: observedAt.toISOString(),
  });
}
