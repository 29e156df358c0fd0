import { loadScenarioFile } from './scenario';
import { NeptuneEmulator } from './server';

export interface EmulatorCommandOptions {
  /** 0 or omitted: a free port. */
  port?: number;
  host?: string;
  scenarioFile?: string;
  /** Where the startup lines go. Default: console.log. */
  print?: (line: string) => void;
}

export interface RunningEmulatorCommand {
  emulator: NeptuneEmulator;
  /** Resolves once the emulator has closed (after SIGINT/SIGTERM or stop()). */
  closed: Promise<void>;
  /** Closes the emulator and removes the signal handlers. */
  stop(): Promise<void>;
}

/** `neptune-import emulator`: starts the emulator and keeps it up until SIGINT or SIGTERM. */
export async function runEmulatorCommand(
  options: EmulatorCommandOptions = {},
): Promise<RunningEmulatorCommand> {
  const print = options.print ?? ((line: string) => console.log(line));
  const scenario = options.scenarioFile === undefined ? undefined : loadScenarioFile(options.scenarioFile);
  const emulator = await NeptuneEmulator.start({
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    ...(scenario ? { scenario } : {}),
  });

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await emulator.close();
      resolveClosed();
    })();
    return stopping;
  };
  const onSignal = (): void => {
    void stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  print(`Neptune Analytics emulator listening on ${emulator.endpoint}`);
  print(`export AWS_ENDPOINT_URL_NEPTUNE_GRAPH=${emulator.endpoint}`);
  return { emulator, closed, stop };
}
