import { type Command, Option } from 'commander';
import {
  BLANK_NODE_HANDLINGS,
  IMPORT_FORMATS,
  PARQUET_TYPES,
  type StartImportTaskInput,
} from '../model/input-validation';
import { finish, requiredOption, subcommand } from './command-kit';
import { addWaitFlags, type WaitFlags } from './wait-options';

/** The import's fields as flags, shared by `start` and `create-graph`. */
export type ImportFlags = WaitFlags & {
  source: string;
  roleArn: string;
  format?: StartImportTaskInput['format'];
  parquetType?: StartImportTaskInput['parquetType'];
  blankNodeHandling?: StartImportTaskInput['blankNodeHandling'];
  failOnError?: boolean;
  workflowId?: string;
};

/** The fields given, as the start input takes them (none given: none set). */
export function importFields(flags: ImportFlags) {
  return {
    source: flags.source,
    roleArn: flags.roleArn,
    ...(flags.format !== undefined && { format: flags.format }),
    ...(flags.parquetType !== undefined && { parquetType: flags.parquetType }),
    ...(flags.blankNodeHandling !== undefined && { blankNodeHandling: flags.blankNodeHandling }),
    ...(flags.failOnError !== undefined && { failOnError: flags.failOnError }),
  };
}

export function addImportFlags(command: Command): Command {
  requiredOption(command, '--source <uri>', 'S3 URI (s3://bucket/prefix) or Neptune cluster or snapshot ARN');
  return requiredOption(command, '--role-arn <arn>', 'IAM role the service assumes to read the source')
    .addOption(new Option('--format <format>', 'data format').choices(IMPORT_FORMATS))
    .addOption(new Option('--parquet-type <type>', 'with --format PARQUET').choices(PARQUET_TYPES))
    .addOption(new Option('--blank-node-handling <how>', 'for RDF').choices(BLANK_NODE_HANDLINGS))
    .option('--fail-on-error', 'stop the import at the first error')
    .option('--workflow-id <id>', "the run's business key (default: neptune-import-<graph>-<time>)");
}

/**
 * `start` or `create-graph`: the flag naming what is imported into, the import's fields and the wait's
 * options; the caller adds its own flags and its action.
 */
export function importCommand(
  program: Command,
  command: {
    name: string;
    description: string;
    example: string;
    target: [flags: string, description: string];
  },
): Command {
  const [flags, description] = command.target;
  return finish(
    addWaitFlags(
      addImportFlags(
        requiredOption(
          subcommand(program, command.name, command.description, command.example),
          flags,
          description,
        ),
      ),
    ),
  );
}
