import type { Command } from 'commander';
import { startDevServer } from '../../testing/dev-server/start-dev-server';
import { finish, parsePort, subcommand } from '../command-kit';

/** `dev-server`: the real Temporal dev server with this library's search attributes, until SIGINT. */
export function registerDevServer(program: Command): void {
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
}
