/**
 * `temporal-neptune-import/testing`: the Neptune Analytics emulator (the real AWS SDK client talks to it
 * over HTTP) and a real Temporal dev server, for tests of code that uses this library.
 */
export * from './emulator';
export { startDevServer, type DevServer, type DevServerOptions } from './dev-server/start-dev-server';
export {
  locateTemporalCli,
  TemporalCliNotFoundError,
  type TemporalCliLocation,
} from './dev-server/locate-temporal-cli';
