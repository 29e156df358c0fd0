/** Reading and checking operation input: the JSON body, its members, and the identifiers in the path. */

import { GRAPH_ID_PATTERN, TASK_ID_PATTERN } from './ids';
import { IMPORT_FORMATS, type ImportFormat, type ImportOptions } from './scenario';
import {
  type ServiceError,
  constraintMessage,
  missingMemberError,
  patternError,
  validationError,
} from './wire';

type Json = Record<string, unknown>;

const ROLE_ARN_PATTERN = 'arn:aws[^:]*:iam::\\d{12}:(role|role/service-role)/[\\w+=,.@-]*';
const GRAPH_NAME_PATTERN = '(?!g-)[a-z][a-z0-9]*(-[a-z0-9]+)*';

/** The import fields StartImportTask and CreateGraphUsingImportTask share. */
export interface ImportInput {
  source: string;
  roleArn: string;
  format?: ImportFormat;
  parquetType?: 'COLUMNAR';
  importOptions?: ImportOptions;
}

export function parseBody(body: string): Json {
  if (body.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw validationError('Could not parse the request body as JSON', 'BAD_REQUEST');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('The request body must be a JSON object', 'BAD_REQUEST');
  }
  return parsed as Json;
}

function typeError(member: string, expected: string): ServiceError {
  return validationError(`Invalid value for '${member}': expected ${expected}`, 'BAD_REQUEST');
}

export function requiredString(input: Json, member: string): string {
  const value = input[member];
  if (value === undefined || value === null) throw missingMemberError(member);
  if (typeof value !== 'string') throw typeError(member, 'a string');
  return value;
}

export function optionalString(input: Json, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw typeError(member, 'a string');
  return value;
}

export function optionalBoolean(input: Json, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw typeError(member, 'a boolean');
  return value;
}

export function optionalInteger(input: Json, member: string, min: number, max: number): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw typeError(member, 'an integer');
  if (value < min)
    throw validationError(
      constraintMessage(value, member, `Member must have value greater than or equal to ${min}`),
    );
  if (value > max)
    throw validationError(
      constraintMessage(value, member, `Member must have value less than or equal to ${max}`),
    );
  return value;
}

function enumMember<T extends string>(input: Json, member: string, values: readonly T[]): T | undefined {
  const value = optionalString(input, member);
  if (value === undefined) return undefined;
  if (!(values as readonly string[]).includes(value)) {
    throw validationError(
      constraintMessage(value, member, `Member must satisfy enum value set: [${values.join(', ')}]`),
    );
  }
  return value as T;
}

function importOptionsMember(input: Json): ImportOptions | undefined {
  const value = input['importOptions'];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError('importOptions', 'an object');
  const members = Object.keys(value);
  if (members.length !== 1 || members[0] !== 'neptune') {
    throw validationError(
      `importOptions must set exactly one known member (neptune), got [${members.join(', ')}]`,
      'BAD_REQUEST',
    );
  }
  const neptune = (value as Json)['neptune'];
  if (typeof neptune !== 'object' || neptune === null || Array.isArray(neptune))
    throw typeError('importOptions.neptune', 'an object');
  const n = neptune as Json;
  const options: ImportOptions = {
    neptune: {
      s3ExportPath: requiredString(n, 's3ExportPath'),
      s3ExportKmsKeyId: requiredString(n, 's3ExportKmsKeyId'),
    },
  };
  const labels = optionalBoolean(n, 'preserveDefaultVertexLabels');
  const edgeIds = optionalBoolean(n, 'preserveEdgeIds');
  if (labels !== undefined) options.neptune.preserveDefaultVertexLabels = labels;
  if (edgeIds !== undefined) options.neptune.preserveEdgeIds = edgeIds;
  return options;
}

export function checkTaskIdentifier(id: string | undefined): string {
  if (id === undefined || !TASK_ID_PATTERN.test(id))
    throw patternError(id, 'taskIdentifier', 't-[a-z0-9]{10}');
  return id;
}

export function checkGraphIdentifier(id: string | undefined): string {
  if (id === undefined || !GRAPH_ID_PATTERN.test(id))
    throw patternError(id, 'graphIdentifier', 'g-[a-z0-9]{10}');
  return id;
}

function checkRoleArn(input: Json): string {
  const roleArn = requiredString(input, 'roleArn');
  if (!new RegExp(`^${ROLE_ARN_PATTERN}$`).test(roleArn))
    throw patternError(roleArn, 'roleArn', ROLE_ARN_PATTERN);
  return roleArn;
}

export function checkGraphName(input: Json): string {
  const graphName = requiredString(input, 'graphName');
  if (graphName.length > 63 || !new RegExp(`^${GRAPH_NAME_PATTERN}$`).test(graphName)) {
    throw patternError(graphName, 'graphName', GRAPH_NAME_PATTERN);
  }
  return graphName;
}

export function importInput(input: Json): ImportInput {
  const source = requiredString(input, 'source');
  const roleArn = checkRoleArn(input);
  const out: ImportInput = { source, roleArn };
  const format = enumMember(input, 'format', IMPORT_FORMATS);
  const parquetType = enumMember(input, 'parquetType', ['COLUMNAR'] as const);
  const importOptions = importOptionsMember(input);
  optionalBoolean(input, 'failOnError');
  enumMember(input, 'blankNodeHandling', ['convertToIri']);
  if (format !== undefined) out.format = format;
  if (parquetType !== undefined) out.parquetType = parquetType;
  if (importOptions !== undefined) out.importOptions = importOptions;
  return out;
}
