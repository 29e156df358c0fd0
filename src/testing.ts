/** `temporal-neptune-import/testing`: the Neptune Analytics emulator and a real Temporal dev server for tests. */
export * from './emulator';
export {
  startDevServer,
  freePort,
  type DevServer,
  type DevServerOptions,
} from './dev-server/start-dev-server';
export {
  locateTemporalCli,
  temporalCliCacheDir,
  temporalCliVersion,
  TemporalCliNotFoundError,
  TEMPORAL_CLI_GO_VERSION,
  type TemporalCliLocation,
} from './dev-server/locate-temporal-cli';
