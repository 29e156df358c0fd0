#!/usr/bin/env node
import { ServiceError } from '@temporalio/client';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CreateGraphUsingImportTaskInput, StartImportTaskInput } from '../model/input-validation';
import { InvalidInputError } from '../model/invalid-input';
import { validateTaskIdentifier } from '../model/input-validation';
import { resolveRunImportTask } from '../model/resolve-import-start';
import { resolveWaitOptions } from '../model/resolve-wait-options';
import { cancelCommand } from './commands/cancel';
import { demoCommand, type DemoFlags } from './commands/demo';
import { listCommand, listQuery } from './commands/list';
import { pipelineCommand, readPipelineSpec } from './commands/pipeline';
import { startCommand } from './commands/start';
import { statusCommand } from './commands/status';
import { waitCommand } from './commands/wait';
import { runWorkerCommand } from './commands/worker';
import { startDevServer } from '../testing/dev-server/start-dev-server';
import { runEmulatorCommand } from '../testing/emulator/command';
import { ExitCode } from './exit-codes';
import type { Output } from './progress-view';
import { connectClient, type Connected } from './temporal-connection';
import {
  addWaitFlags,
  checkTaskQueue,
  DEFAULT_TASK_QUEUE,
  waitInputOf,
  type WaitFlags,
} from './wait-options';

/** How often a followed wait's status is asked for. */
const REFRESH_MS = 1000;

const output: Output = { stdout: process.stdout, stderr: process.stderr };

/** commander parses; these only reject what is not a number of the kind. */
function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
const parsePort = integer(0, 65_535);
const parseMetricsPort = integer(1, 65_535);

/**
 * Runs a command that talks to Temporal, and turns what it threw into an exit code: bad input (named by
 * the library's checks) is 3, an unreachable Temporal or anything else 1, each with a one-line message.
 */
async function withTemporal(
  command: (connected: Connected) => Promise<ExitCode>,
  /** Checks the input first: bad input exits 3 before anything is contacted. */
  check: () => unknown = () => undefined,
): Promise<void> {
  let connected: Connected | undefined;
  try {
    check();
    connected = await connectClient();
    process.exitCode = await command(connected);
  } catch (error) {
    const permanent = error instanceof InvalidInputError;
    process.stderr.write(`${oneLineReport(error)}\n`);
    process.exitCode = permanent ? ExitCode.PERMANENT : ExitCode.OTHER;
  } finally {
    await connected?.close();
  }
}

/**
 * What went wrong, on one line. The Temporal client's own errors say only what failed ("Failed to start
 * Workflow"): the server's reason is their cause.
 */
function oneLineReport(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error instanceof ServiceError && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.replace(/\s*\n\s*/g, ' ');
}

/** Every subcommand: an example in its --help, and a usage error printed as one line plus its usage. */
function subcommand(program: Command, name: string, description: string, example: string): Command {
  return program.command(name).description(description).addHelpText('after', `\nExample:\n  $ ${example}\n`);
}

function finish(command: Command): Command {
  return command.showHelpAfterError(`Usage: neptune-import ${command.name()} ${command.usage()}`);
}

type StartFlags = WaitFlags & {
  source: string;
  roleArn: string;
  format?: StartImportTaskInput['format'];
  parquetType?: StartImportTaskInput['parquetType'];
  blankNodeHandling?: StartImportTaskInput['blankNodeHandling'];
  failOnError?: boolean;
  workflowId?: string;
};

function importFields(flags: StartFlags) {
  return {
    source: flags.source,
    roleArn: flags.roleArn,
    ...(flags.format !== undefined && { format: flags.format }),
    ...(flags.parquetType !== undefined && { parquetType: flags.parquetType }),
    ...(flags.blankNodeHandling !== undefined && { blankNodeHandling: flags.blankNodeHandling }),
    ...(flags.failOnError !== undefined && { failOnError: flags.failOnError }),
  };
}

function addImportFlags(command: Command): Command {
  return command
    .requiredOption('--source <uri>', 'S3 URI (s3://bucket/prefix) or Neptune cluster or snapshot ARN')
    .requiredOption('--role-arn <arn>', 'IAM role the service assumes to read the source')
    .addOption(
      new Option('--format <format>', 'data format').choices(['CSV', 'OPEN_CYPHER', 'PARQUET', 'NTRIPLES']),
    )
    .addOption(new Option('--parquet-type <type>', 'with --format PARQUET').choices(['COLUMNAR']))
    .addOption(new Option('--blank-node-handling <how>', 'for RDF').choices(['convertToIri']))
    .option('--fail-on-error', 'stop the import at the first error')
    .option('--workflow-id <id>', "the run's business key (default: neptune-import-<graph>-<time>)");
}

export function buildProgram(): Command {
  const program = new Command('neptune-import')
    .description('Start, wait for and react to Amazon Neptune Analytics import tasks with Temporal')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  finish(
    addWaitFlags(
      addImportFlags(
        subcommand(
          program,
          'start',
          'Start an import into a graph (StartImportTask) exactly once, and follow it to its end',
          'neptune-import start --graph g-0123456789 --source s3://bucket/movies/ --role-arn arn:aws:iam::123456789012:role/NeptuneImport',
        ).requiredOption('--graph <id>', 'the graph to import into (its id, g-…)'),
      ),
    ),
  ).action((flags: StartFlags & { graph: string }) => {
    const start = { start: { graphIdentifier: flags.graph, ...importFields(flags) } };
    return withTemporal(
      (connected) => startCommand(start, flags, connected, output, REFRESH_MS),
      () => resolveRunImportTask({ ...start, ...waitInputOf(flags) }),
    );
  });

  finish(
    addWaitFlags(
      addImportFlags(
        subcommand(
          program,
          'create-graph',
          'Create a graph loaded by an import (CreateGraphUsingImportTask) exactly once, and follow it',
          'neptune-import create-graph --name movies --source s3://bucket/movies/ --role-arn arn:aws:iam::123456789012:role/NeptuneImport --memory 128',
        )
          .requiredOption('--name <graph-name>', 'the new graph’s name')
          .option('--memory <m-NCUs>', 'provisioned memory (16 to 24576)', integer(16, 24_576))
          .option('--replicas <n>', 'read replicas (0 to 2)', integer(0, 2))
          .option('--public', 'reachable from the internet')
          .option('--no-deletion-protection', 'allow the graph to be deleted'),
      ),
    ),
  ).action(
    (
      flags: StartFlags & {
        name: string;
        memory?: number;
        replicas?: number;
        public?: boolean;
        deletionProtection: boolean;
      },
    ) => {
      const createGraph: CreateGraphUsingImportTaskInput = {
        graphName: flags.name,
        ...importFields(flags),
        ...(flags.memory !== undefined && { maxProvisionedMemory: flags.memory }),
        ...(flags.replicas !== undefined && { replicaCount: flags.replicas }),
        ...(flags.public && { publicConnectivity: true }),
        ...(flags.deletionProtection === false && { deletionProtection: false }),
      };
      return withTemporal(
        (connected) => startCommand({ createGraph }, flags, connected, output, REFRESH_MS),
        () => resolveRunImportTask({ createGraph, ...waitInputOf(flags) }),
      );
    },
  );

  finish(
    addWaitFlags(
      subcommand(
        program,
        'wait',
        'Start (or join) the durable wait for an import task and follow it until it ends',
        'neptune-import wait t-0a1b2c3d4e --deadline "12 hours"',
      ).argument('<task>', 'import task id, t- followed by 10 of [a-z0-9]'),
    ),
  ).action((task: string, flags: WaitFlags) =>
    withTemporal(
      (connected) => waitCommand(task, flags, connected, output, REFRESH_MS),
      () => resolveWaitOptions({ ...waitInputOf(flags), taskIdentifier: task }),
    ),
  );

  finish(
    subcommand(
      program,
      'status',
      "A wait's status (its status query), or how a finished wait ended",
      'neptune-import status t-0a1b2c3d4e --json',
    )
      .argument('<task>', 'import task id')
      .option('--json', 'print the status or result object, and nothing else, on stdout'),
  ).action((task: string, flags: { json?: boolean }) =>
    withTemporal(
      (connected) => statusCommand(task, flags, connected, output),
      () => validateTaskIdentifier(task),
    ),
  );

  finish(
    subcommand(
      program,
      'cancel',
      'Cancel the wait for an import task; with --cancel-import, cancel the import itself too',
      'neptune-import cancel t-0a1b2c3d4e --cancel-import',
    )
      .argument('<task>', 'import task id')
      .option('--cancel-import', 'also call CancelImportTask (standard AWS configuration)'),
  ).action((task: string, flags: { cancelImport?: boolean }) =>
    withTemporal(
      (connected) => cancelCommand(task, flags, connected, output),
      () => validateTaskIdentifier(task),
    ),
  );

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
  ).action((flags: { status?: string; graph?: string; limit: number; json?: boolean }) =>
    withTemporal(
      (connected) => listCommand(flags, connected, output),
      () => listQuery(flags),
    ),
  );

  finish(
    subcommand(
      program,
      'pipeline',
      'Run an import pipeline from a JSON spec (the importTaskPipeline input): wait, then its steps',
      'neptune-import pipeline --spec load-movies.json --workflow-id load-movies-2026-11-29',
    )
      .requiredOption('--spec <file>', 'the importTaskPipeline input, as JSON')
      .option('--workflow-id <id>', "the pipeline's business key")
      .option('--task-queue <name>', "the workers' task queue", DEFAULT_TASK_QUEUE)
      .option('--json', 'print the result object, and nothing else, on stdout')
      .option('--detach', 'start and return at once'),
  ).action(
    (flags: { spec: string; workflowId?: string; taskQueue: string; json?: boolean; detach?: boolean }) =>
      withTemporal(
        (connected) => pipelineCommand(flags, connected, output, REFRESH_MS),
        () => {
          checkTaskQueue(flags.taskQueue);
          return readPipelineSpec(flags.spec);
        },
      ),
  );

  finish(
    subcommand(
      program,
      'demo',
      'The whole lifecycle on one machine: Temporal with its Web UI, the emulator, a worker, a pipeline',
      'neptune-import demo --keep',
    )
      .option('--keep', 'leave the dev server and its Web UI running at the end, for a look')
      .option('--graph <id>', 'the graph to import into', 'g-demomovies')
      .option('--source <uri>', 'the data to import', 's3://neptune-import-demo/movies/')
      .option(
        '--role-arn <arn>',
        'the role the service assumes',
        'arn:aws:iam::123456789012:role/NeptuneImportDemo',
      ),
  ).action(async (flags: DemoFlags) => {
    process.exitCode = await demoCommand(flags, output);
  });

  finish(
    subcommand(
      program,
      'worker',
      "Run a worker with this library's workflows and activities",
      'AWS_REGION=us-east-1 neptune-import worker --task-queue neptune-import --metrics-port 9464',
    )
      .option('--task-queue <name>', 'task queue to poll', DEFAULT_TASK_QUEUE)
      .option(
        '--metrics-port <n>',
        "serve Prometheus metrics (the SDK's and neptune_import_*) at http://0.0.0.0:<n>/metrics",
        parseMetricsPort,
      ),
  ).action((options: { taskQueue: string; metricsPort?: number }) => {
    try {
      checkTaskQueue(options.taskQueue);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = ExitCode.PERMANENT;
      return;
    }
    return runWorkerCommand(options);
  });

  finish(
    subcommand(
      program,
      'emulator',
      'Serve a local emulator of the Neptune Analytics import-task API and print the endpoint to use',
      'neptune-import emulator --port 8182 --scenario src/testing/emulator/examples/throttled-import.json',
    )
      .option('--port <n>', 'port to listen on (0: a free one)', parsePort, 0)
      .option('--host <address>', 'address to listen on', '127.0.0.1')
      .option(
        '--scenario <file>',
        'scenario JSON: tasks, timelines, time scale and faults (see docs/emulator.md)',
      ),
  ).action(async (options: { port: number; host: string; scenario?: string }) => {
    let running: Awaited<ReturnType<typeof runEmulatorCommand>>;
    try {
      running = await runEmulatorCommand({
        port: options.port,
        host: options.host,
        scenarioFile: options.scenario,
      });
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exitCode = ExitCode.PERMANENT;
      return;
    }
    await running.closed;
  });

  finish(
    subcommand(
      program,
      'dev-server',
      "Run the real Temporal dev server with this library's search attributes registered",
      'neptune-import dev-server --db-filename neptune-import.db',
    )
      .option('--port <n>', 'gRPC port', parsePort, 7233)
      .option('--ui-port <n>', 'Web UI port', parsePort, 8233)
      .option('--db-filename <file>', 'SQLite file to persist to (default: in memory)'),
  ).action(async (options: { port: number; uiPort: number; dbFilename?: string }) => {
    const server = await startDevServer({
      port: options.port,
      ui: true,
      uiPort: options.uiPort,
      dbFilename: options.dbFilename,
    });
    console.log(`Temporal dev server on ${server.address}; Web UI ${server.uiUrl}`);
    console.log(`export TEMPORAL_ADDRESS=${server.address}`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve).once('SIGTERM', resolve);
    });
    await server.stop();
  });

  return program;
}

/** Parses and runs; a usage error (unknown flag, missing argument) exits 64 after one line and the usage. */
export async function main(argv: string[]): Promise<void> {
  if (argv.length <= 2) {
    process.stderr.write('error: a command is needed\n');
    buildProgram().outputHelp({ error: true });
    process.exitCode = ExitCode.USAGE;
    return;
  }
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpOrVersion = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(
        error.code,
      );
      process.exitCode = helpOrVersion ? ExitCode.OK : ExitCode.USAGE;
      return;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = ExitCode.OTHER;
  }
}

if (require.main === module) void main(process.argv);
