import {
  NEPTUNE_GRAPH_ID,
  NEPTUNE_IMPORT_PROGRESS,
  NEPTUNE_IMPORT_STATUS,
  NEPTUNE_IMPORT_TASK_ID,
} from '../../model/search-attributes';
import { InvalidInputError } from '../../model/invalid-input';
import { describeReceived } from '../../model/invalid-input';
import type { Command } from 'commander';
import { finish, integer, processOutput, subcommand, withTemporal } from '../command-kit';
import { ExitCode } from '../exit-codes';
import type { Output } from '../progress-view';
import type { Connected } from '../temporal-connection';

export interface ListFlags {
  status?: string;
  graph?: string;
  limit: number;
  json?: boolean;
}

/** A value spliced into a visibility query: only what ids and statuses are made of, so it cannot escape. */
function queryValue(field: string, value: string, pattern: RegExp, expected: string): string {
  if (!pattern.test(value)) throw new InvalidInputError(field, describeReceived(value), expected);
  return `'${value}'`;
}

/** The visibility query `list` runs: the waits of this library, newest first, filtered. */
export function listQuery(flags: Pick<ListFlags, 'status' | 'graph'>): string {
  const parts = [`WorkflowType = 'awaitImportTask'`, `${NEPTUNE_IMPORT_TASK_ID.name} IS NOT NULL`];
  if (flags.status !== undefined) {
    parts.push(
      `${NEPTUNE_IMPORT_STATUS.name} = ${queryValue('--status', flags.status, /^[A-Z_]{1,64}$/, 'a status such as IMPORTING')}`,
    );
  }
  if (flags.graph !== undefined) {
    parts.push(
      `${NEPTUNE_GRAPH_ID.name} = ${queryValue('--graph', flags.graph, /^[a-z0-9-]{1,100}$/, 'a graph id such as g-0123456789')}`,
    );
  }
  return parts.join(' AND ');
}

/** Columns padded to their widest cell. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `neptune-import list`: the waits a visibility query finds, as a table (or JSON). */
export async function listCommand(
  flags: ListFlags,
  { client }: Connected,
  output: Output,
): Promise<ExitCode> {
  const rows: Record<string, string | number | undefined>[] = [];
  for await (const execution of client.workflow.list({ query: listQuery(flags) })) {
    const attributes = execution.typedSearchAttributes;
    rows.push({
      task: attributes.get(NEPTUNE_IMPORT_TASK_ID),
      graph: attributes.get(NEPTUNE_GRAPH_ID),
      status: attributes.get(NEPTUNE_IMPORT_STATUS),
      progress: attributes.get(NEPTUNE_IMPORT_PROGRESS),
      workflowId: execution.workflowId,
      workflowStatus: execution.status.name,
      started: execution.startTime.toISOString(),
    });
    if (rows.length >= flags.limit) break;
  }
  if (flags.json) {
    output.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return ExitCode.OK;
  }
  if (rows.length === 0) {
    output.stdout.write('No waits found\n');
    return ExitCode.OK;
  }
  const cells = rows.map((row) => [
    String(row.task ?? ''),
    String(row.graph ?? ''),
    String(row.status ?? ''),
    row.progress === undefined ? '' : `${row.progress}%`,
    String(row.workflowStatus),
    String(row.started),
    String(row.workflowId),
  ]);
  output.stdout.write(
    `${table([['TASK', 'GRAPH', 'STATUS', 'PROGRESS', 'WORKFLOW', 'STARTED', 'WORKFLOW ID'], ...cells])}\n`,
  );
  return ExitCode.OK;
}

/** `list`. */
export function registerList(program: Command): void {
  finish(
    subcommand(
      program,
      'list',
      'The waits of this library, newest first, as a table (a visibility query)',
      'neptune-import list --status IMPORTING --limit 50',
    )
      .option('--status <status>', 'only imports in this status (NeptuneImportStatus)')
      .option('--graph <id>', 'only imports into this graph (NeptuneGraphId)')
      .option('--limit <n>', 'at most this many rows', integer(1, 10_000), 20)
      .option('--json', 'print the rows as JSON'),
  ).action((flags: ListFlags) =>
    withTemporal(
      (connected) => listCommand(flags, connected, processOutput),
      () => listQuery(flags),
    ),
  );
}
