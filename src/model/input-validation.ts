import { describeReceived, InvalidInputError } from './invalid-input';

/**
 * Checks that can be made before any request is sent, so that bad input fails at once with a clear,
 * non-retryable error instead of costing API calls. Pure: workflows validate their input with it too.
 */

/** The service model's `TaskId` pattern. */
export const TASK_IDENTIFIER_PATTERN = /^t-[a-z0-9]{10}$/;
/** The service model's `GraphIdentifier` length limits; ids look like `g-` + 10 of [a-z0-9]. */
export const GRAPH_IDENTIFIER_MAX_LENGTH = 1011;
const ROLE_ARN_PATTERN = /^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/;
export const IMPORT_FORMATS = ['CSV', 'OPEN_CYPHER', 'PARQUET', 'NTRIPLES'] as const;
export const PARQUET_TYPES = ['COLUMNAR'] as const;
export const BLANK_NODE_HANDLINGS = ['convertToIri'] as const;

export function validateTaskIdentifier(value: unknown, field = 'taskIdentifier'): string {
  if (typeof value !== 'string' || !TASK_IDENTIFIER_PATTERN.test(value)) {
    throw new InvalidInputError(
      field,
      describeReceived(value),
      `a task id matching ${TASK_IDENTIFIER_PATTERN.source}`,
    );
  }
  return value;
}

export function validateGraphIdentifier(value: unknown, field = 'graphIdentifier'): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > GRAPH_IDENTIFIER_MAX_LENGTH ||
    // It is a path label: a slash or a control character can only be a mistake.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    /[/\s\u0000-\u001f\u007f]/.test(value)
  ) {
    throw new InvalidInputError(
      field,
      describeReceived(value),
      `a graph identifier (1–${GRAPH_IDENTIFIER_MAX_LENGTH} characters, no slash or white space)`,
    );
  }
  return value;
}

function validateOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(field, describeReceived(value), `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Input of the `startImportTask` activity: the StartImportTask request, checked before it is sent. */
export interface StartImportTaskInput {
  graphIdentifier: string;
  /** An S3 URI (`s3://bucket/prefix`) or a Neptune database cluster or snapshot ARN. */
  source: string;
  roleArn: string;
  format?: (typeof IMPORT_FORMATS)[number];
  parquetType?: (typeof PARQUET_TYPES)[number];
  blankNodeHandling?: (typeof BLANK_NODE_HANDLINGS)[number];
  failOnError?: boolean;
  importOptions?: {
    neptune: {
      s3ExportPath: string;
      s3ExportKmsKeyId: string;
      preserveDefaultVertexLabels?: boolean;
      preserveEdgeIds?: boolean;
    };
  };
}

export function validateStartImportTaskInput(input: unknown): StartImportTaskInput {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidInputError('input', describeReceived(input), 'an object');
  }
  const raw = input as Record<string, unknown>;
  const graphIdentifier = validateGraphIdentifier(raw.graphIdentifier);
  const source = raw.source;
  if (typeof source !== 'string' || !/^(s3:\/\/[^/\s]+|arn:aws[a-z-]*:rds:)/.test(source)) {
    throw new InvalidInputError(
      'source',
      describeReceived(source),
      'an S3 URI (s3://bucket/prefix) or a Neptune cluster or snapshot ARN',
    );
  }
  const roleArn = raw.roleArn;
  if (typeof roleArn !== 'string' || !ROLE_ARN_PATTERN.test(roleArn)) {
    throw new InvalidInputError(
      'roleArn',
      describeReceived(roleArn),
      'an IAM role ARN (arn:aws:iam::<account>:role/<name>)',
    );
  }
  const format = validateOneOf(raw.format, IMPORT_FORMATS, 'format');
  const parquetType = validateOneOf(raw.parquetType, PARQUET_TYPES, 'parquetType');
  if (parquetType !== undefined && format !== 'PARQUET') {
    throw new InvalidInputError(
      'parquetType',
      describeReceived(parquetType),
      'to be set only with format PARQUET',
    );
  }
  const blankNodeHandling = validateOneOf(raw.blankNodeHandling, BLANK_NODE_HANDLINGS, 'blankNodeHandling');
  if (raw.failOnError !== undefined && typeof raw.failOnError !== 'boolean') {
    throw new InvalidInputError('failOnError', describeReceived(raw.failOnError), 'a boolean');
  }
  const result: StartImportTaskInput = { graphIdentifier, source, roleArn };
  if (format) result.format = format;
  if (parquetType) result.parquetType = parquetType;
  if (blankNodeHandling) result.blankNodeHandling = blankNodeHandling;
  if (typeof raw.failOnError === 'boolean') result.failOnError = raw.failOnError;
  if (raw.importOptions !== undefined) result.importOptions = validateImportOptions(raw.importOptions);
  return result;
}

function validateImportOptions(value: unknown): NonNullable<StartImportTaskInput['importOptions']> {
  const neptune = (value as { neptune?: Record<string, unknown> } | null)?.neptune;
  if (typeof neptune !== 'object' || neptune === null) {
    throw new InvalidInputError(
      'importOptions',
      describeReceived(value),
      'an object with a `neptune` member',
    );
  }
  const { s3ExportPath, s3ExportKmsKeyId, preserveDefaultVertexLabels, preserveEdgeIds } = neptune;
  if (typeof s3ExportPath !== 'string' || !s3ExportPath.startsWith('s3://')) {
    throw new InvalidInputError(
      'importOptions.neptune.s3ExportPath',
      describeReceived(s3ExportPath),
      'an S3 URI',
    );
  }
  if (typeof s3ExportKmsKeyId !== 'string' || s3ExportKmsKeyId === '') {
    throw new InvalidInputError(
      'importOptions.neptune.s3ExportKmsKeyId',
      describeReceived(s3ExportKmsKeyId),
      'a KMS key id',
    );
  }
  for (const [field, flag] of Object.entries({ preserveDefaultVertexLabels, preserveEdgeIds })) {
    if (flag !== undefined && typeof flag !== 'boolean') {
      throw new InvalidInputError(`importOptions.neptune.${field}`, describeReceived(flag), 'a boolean');
    }
  }
  return {
    neptune: {
      s3ExportPath,
      s3ExportKmsKeyId,
      ...(preserveDefaultVertexLabels !== undefined && {
        preserveDefaultVertexLabels: preserveDefaultVertexLabels as boolean,
      }),
      ...(preserveEdgeIds !== undefined && { preserveEdgeIds: preserveEdgeIds as boolean }),
    },
  };
}
