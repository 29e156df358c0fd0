import type { Command } from 'commander';
import { runEmulatorCommand } from '../../testing/emulator/command';
import { finish, parsePort, subcommand } from '../command-kit';
import { ExitCode } from '../exit-codes';

/** `emulator`: the Neptune Analytics emulator, until SIGINT or SIGTERM. */
export function registerEmulator(program: Command): void {
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
}
