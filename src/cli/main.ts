#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { registerCancel } from './commands/cancel';
import { registerDemo } from './commands/demo';
import { registerDevServer } from './commands/dev-server';
import { registerEmulator } from './commands/emulator';
import { registerList } from './commands/list';
import { registerPipeline } from './commands/pipeline';
import { registerCreateGraph, registerStart } from './commands/start';
import { registerStatus } from './commands/status';
import { registerWait } from './commands/wait';
import { registerWorker } from './commands/worker';
import { packageVersion } from './command-kit';
import { ExitCode } from './exit-codes';

/** The `neptune-import` command: each subcommand declares its flags and action in `commands/`. */
export function buildProgram(): Command {
  const program = new Command('neptune-import')
    .description('Start, wait for and react to Amazon Neptune Analytics import tasks with Temporal')
    .version(packageVersion(), '-V, --version', "this package's version")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of [
    registerStart,
    registerCreateGraph,
    registerWait,
    registerStatus,
    registerCancel,
    registerList,
    registerPipeline,
    registerDemo,
    registerWorker,
    registerEmulator,
    registerDevServer,
  ]) {
    register(program);
  }
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
