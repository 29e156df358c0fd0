import { readFileSync } from 'node:fs';
import { ServiceError } from '@temporalio/client';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { InvalidInputError } from '../model/invalid-input';
import { ExitCode } from './exit-codes';
import type { Output } from './progress-view';
import { connectClient, type Connected } from './temporal-connection';

/** What the commands write to: this process's own streams. */
export const processOutput: Output = { stdout: process.stdout, stderr: process.stderr };

/** How often a followed wait's status is asked for. */
export const REFRESH_MS = 1000;

/** commander parses; these only reject what is not a number of the kind. */
export function integer(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
export const parsePort = integer(0, 65_535);
export const parseMetricsPort = integer(1, 65_535);

/**
 * Runs a command that talks to Temporal, and turns what it threw into an exit code: bad input (named by
 * the library's checks) is 3, an unreachable Temporal or anything else 1, each with a one-line message.
 */
export async function withTemporal(
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
export function oneLineReport(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error instanceof ServiceError && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.replace(/\s*\n\s*/g, ' ');
}

/** Every subcommand: an example in its --help, and a usage error printed as one line plus its usage. */
export function subcommand(program: Command, name: string, description: string, example: string): Command {
  return program.command(name).description(description).addHelpText('after', `\nExample:\n  $ ${example}\n`);
}

/** A usage error is one line, then the command's usage. */
export function finish(command: Command): Command {
  return command.showHelpAfterError(`Usage: neptune-import ${command.name()} ${command.usage()}`);
}

/** This package's version, from its own package.json (the same file in a checkout and an install). */
export function packageVersion(): string {
  const file = require.resolve('temporal-neptune-import/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * A required option, checked after unknown ones: commander checks its own required options first, so
 * `--grpah g-…` was answered "required option '--graph <id>' not specified" and the typo never named.
 */
export function requiredOption(command: Command, flags: string, description: string): Command {
  const option = new Option(flags, `${description} (required)`);
  return command.addOption(option).hook('preAction', (self) => {
    if (self.getOptionValue(option.attributeName()) === undefined) {
      self.error(`error: required option '${option.flags}' not specified`, {
        code: 'commander.missingMandatoryOptionValue',
      });
    }
  });
}
