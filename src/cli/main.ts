#!/usr/bin/env node
import { Command, InvalidArgumentError } from 'commander';
import { runEmulatorCommand } from '../testing/emulator/command';
import { startDevServer } from '../testing/dev-server/start-dev-server';
import { runWaitCommand, type WaitCommandOptions } from './wait-command';
import { runWorkerCommand } from './worker-command';

const DEFAULT_TASK_QUEUE = 'neptune-import';

/** commander parses; this only rejects what is not a port number. */
function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535');
  }
  return port;
}

export function buildProgram(): Command {
  const program = new Command('neptune-import')
    .description('Start, wait for and react to Amazon Neptune Analytics import tasks with Temporal')
    .showHelpAfterError();

  program
    .command('emulator')
    .description(
      'Serve a local emulator of the Neptune Analytics import-task API and print the endpoint to use',
    )
    .option('--port <n>', 'port to listen on (0: a free one)', parsePort, 0)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--scenario <file>',
      'scenario JSON: tasks, timelines, time scale and faults (see docs/emulator.md)',
    )
    .action(async (options: { port: number; host: string; scenario?: string }) => {
      const running = await runEmulatorCommand({
        port: options.port,
        host: options.host,
        scenarioFile: options.scenario,
      });
      await running.closed;
    });

  program
    .command('dev-server')
    .description("Run the real Temporal dev server with this library's search attributes registered")
    .option('--port <n>', 'gRPC port', parsePort, 7233)
    .option('--ui-port <n>', 'Web UI port', parsePort, 8233)
    .option('--db-filename <file>', 'SQLite file to persist to (default: in memory)')
    .action(async (options: { port: number; uiPort: number; dbFilename?: string }) => {
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

  program
    .command('worker')
    .description("Run a worker with this library's workflows and activities")
    .option('--task-queue <name>', 'task queue to poll', DEFAULT_TASK_QUEUE)
    .action((options: { taskQueue: string }) => runWorkerCommand(options));

  program
    .command('wait')
    .description('Start (or join) the durable wait for an import task and follow it until it ends')
    .argument('<taskIdentifier>', 'import task id, t- followed by 10 of [a-z0-9]')
    .option('--task-queue <name>', "the workers' task queue", DEFAULT_TASK_QUEUE)
    .option('--deadline <duration>', "stop waiting after this long (e.g. '12 hours')")
    .option('--initial-interval <duration>', 'first poll interval (default 10 s)')
    .option('--min-interval <duration>', 'shortest poll interval (default 5 s)')
    .option('--max-interval <duration>', 'longest poll interval (default 5 min)')
    .option('--cancel-import-on-cancel', 'cancel the import itself when the wait is cancelled or times out')
    .option('--no-search-attributes', 'for namespaces without the Neptune* search attributes')
    .option('--detach', 'start the wait and return at once')
    .action(async (taskIdentifier: string, options: WaitCommandOptions) => {
      process.exitCode = await runWaitCommand(taskIdentifier, options);
    });

  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync()
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
