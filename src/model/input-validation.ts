import { describeReceived, InvalidInputError } from './invalid-input';
import { readsAsToday, type InputReading } from './input-reading';
import { rejectUnknownFields } from './known-fields';

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

/** An optional ISO-8601 time, as epoch ms: an unreadable one is a mistake, not "no time". */
export function optionalTime(field: string, value: unknown): number | undefined {
  // null too: clients in other languages send it for a field they leave out.
  if (value === undefined || value === null) return undefined;
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new InvalidInputError(field, describeReceived(value), 'an ISO-8601 time (2026-01-01T00:00:00Z)');
  }
  return ms;
}

export function validateGraphIdentifier(value: unknown, field = 'graphIdentifier'): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > GRAPH_IDENTIFIER_MAX_LENGTH ||
    // It is a path label: a slash, a control character or a dot segment (`..`) can only be a mistake.
    // eslint-disable-next-line no-control-regex -- control characters are what this rejects
    /[/\s\u0000-\u001f\u007f]/.test(value) ||
    /^\.{1,2}$/.test(value)
  ) {
    throw new InvalidInputError(
      field,
      describeReceived(value),
      `a graph identifier (1–${GRAPH_IDENTIFIER_MAX_LENGTH} characters, no slash or white space, not . or ..)`,
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

/** The import fields StartImportTask and CreateGraphUsingImportTask share. */
export interface ImportRequestFields {
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

/** Input of the `startImportTask` activity: the StartImportTask request, checked before it is sent. */
export interface StartImportTaskInput extends ImportRequestFields {
  /** The graph to import into: its id (`g-…`), which is what finds a retried start's task. */
  graphIdentifier: string;
}

/**
 * Input of the `createGraphUsingImportTask` activity: the CreateGraphUsingImportTask request (a new graph,
 * loaded by the import), checked before it is sent.
 */
export interface CreateGraphUsingImportTaskInput extends ImportRequestFields {
  /** The new graph's name, unique in the account and region: what finds a retried start's task. */
  graphName: string;
  /** Memory of the graph, in m-NCUs (16 to 24576). */
  minProvisionedMemory?: number;
  maxProvisionedMemory?: number;
  publicConnectivity?: boolean;
  /** Read replicas, 0 to 2. */
  replicaCount?: number;
  deletionProtection?: boolean;
  kmsKeyIdentifier?: string;
  vectorSearchConfiguration?: { dimension: number };
  tags?: Record<string, string>;
}

/** The service model's graph name pattern (not `g-…`, which would look like an id), 1–63 characters. */
export const GRAPH_NAME_PATTERN = /^(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const GRAPH_NAME_MAX_LENGTH = 63;

function asRecord(input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError('input', describeReceived(input), 'an object');
  }
  return input as Record<string, unknown>;
}

function validateBoolean(value: unknown, field: string): boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new InvalidInputError(field, describeReceived(value), 'a boolean');
  }
  return value;
}

function validateInteger(value: unknown, field: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(field, describeReceived(value), `a whole number from ${min} to ${max}`);
  }
  return value;
}

/** Copies the fields that are set, so that an absent option stays absent (not `undefined`) in history. */
function definedFields<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function validateImportRequestFields(raw: Record<string, unknown>): ImportRequestFields {
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
  return definedFields({
    source,
    roleArn,
    format,
    parquetType,
    blankNodeHandling: validateOneOf(raw.blankNodeHandling, BLANK_NODE_HANDLINGS, 'blankNodeHandling'),
    failOnError: validateBoolean(raw.failOnError, 'failOnError'),
    importOptions: raw.importOptions === undefined ? undefined : validateImportOptions(raw.importOptions),
  });
}

const IMPORT_REQUEST_FIELDS = [
  'source',
  'roleArn',
  'format',
  'parquetType',
  'blankNodeHandling',
  'failOnError',
  'importOptions',
];
const START_IMPORT_TASK_FIELDS = ['graphIdentifier', ...IMPORT_REQUEST_FIELDS];
const CREATE_GRAPH_FIELDS = [
  'graphName',
  ...IMPORT_REQUEST_FIELDS,
  'minProvisionedMemory',
  'maxProvisionedMemory',
  'publicConnectivity',
  'replicaCount',
  'deletionProtection',
  'kmsKeyIdentifier',
  'vectorSearchConfiguration',
  'tags',
];

/**
 * `reading`: workflows started before 0.4.0 sent a request without the fields it did not know (`fromat`);
 * their replays must not start refusing them.
 */
export function validateStartImportTaskInput(
  input: unknown,
  reading: InputReading = {},
): StartImportTaskInput {
  const raw = asRecord(input);
  if (readsAsToday(reading)) rejectUnknownFields('', raw, START_IMPORT_TASK_FIELDS);
  const graphIdentifier = validateGraphIdentifier(raw.graphIdentifier);
  return { graphIdentifier, ...validateImportRequestFields(raw) };
}

export function validateGraphName(value: unknown, field = 'graphName'): string {
  if (typeof value !== 'string' || value.length > GRAPH_NAME_MAX_LENGTH || !GRAPH_NAME_PATTERN.test(value)) {
    throw new InvalidInputError(
      field,
      describeReceived(value),
      `a graph name (1–${GRAPH_NAME_MAX_LENGTH} of a-z, 0-9 and single hyphens, starting with a letter, not g-)`,
    );
  }
  return value;
}

function validateTags(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError('tags', describeReceived(value), 'an object of string values');
  }
  for (const [key, tag] of Object.entries(value)) {
    if (key.length === 0 || key.length > 128 || typeof tag !== 'string' || tag.length > 256) {
      throw new InvalidInputError(`tags.${key}`, describeReceived(tag), 'a string of at most 256 characters');
    }
  }
  return value as Record<string, string>;
}

export function validateCreateGraphUsingImportTaskInput(
  input: unknown,
  reading: InputReading = {},
): CreateGraphUsingImportTaskInput {
  const raw = asRecord(input);
  if (readsAsToday(reading)) rejectUnknownFields('', raw, CREATE_GRAPH_FIELDS);
  const graphName = validateGraphName(raw.graphName);
  const minProvisionedMemory = validateInteger(raw.minProvisionedMemory, 'minProvisionedMemory', 16, 24576);
  const maxProvisionedMemory = validateInteger(raw.maxProvisionedMemory, 'maxProvisionedMemory', 16, 24576);
  if (
    minProvisionedMemory !== undefined &&
    maxProvisionedMemory !== undefined &&
    minProvisionedMemory > maxProvisionedMemory
  ) {
    throw new InvalidInputError(
      'minProvisionedMemory',
      describeReceived(minProvisionedMemory),
      `at most maxProvisionedMemory (${maxProvisionedMemory})`,
    );
  }
  const kmsKeyIdentifier = raw.kmsKeyIdentifier;
  if (kmsKeyIdentifier !== undefined && (typeof kmsKeyIdentifier !== 'string' || kmsKeyIdentifier === '')) {
    throw new InvalidInputError(
      'kmsKeyIdentifier',
      describeReceived(kmsKeyIdentifier),
      'a KMS key id or ARN',
    );
  }
  const vector = raw.vectorSearchConfiguration as { dimension?: unknown } | undefined;
  if (vector !== undefined && (typeof vector !== 'object' || vector === null)) {
    throw new InvalidInputError(
      'vectorSearchConfiguration',
      describeReceived(vector),
      'an object with `dimension`',
    );
  }
  const dimension =
    vector && validateInteger(vector.dimension, 'vectorSearchConfiguration.dimension', 1, 65536);
  if (vector !== undefined && dimension === undefined) {
    throw new InvalidInputError(
      'vectorSearchConfiguration.dimension',
      'undefined',
      'a whole number from 1 to 65536',
    );
  }
  return {
    graphName,
    ...validateImportRequestFields(raw),
    ...definedFields({
      minProvisionedMemory,
      maxProvisionedMemory,
      publicConnectivity: validateBoolean(raw.publicConnectivity, 'publicConnectivity'),
      replicaCount: validateInteger(raw.replicaCount, 'replicaCount', 0, 2),
      deletionProtection: validateBoolean(raw.deletionProtection, 'deletionProtection'),
      kmsKeyIdentifier: kmsKeyIdentifier,
      vectorSearchConfiguration: dimension === undefined ? undefined : { dimension },
      tags: validateTags(raw.tags),
    }),
  };
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
