import { NeptuneGraphClient, type NeptuneGraphClientConfig } from '@aws-sdk/client-neptune-graph';

/** Overrides of the standard AWS configuration for the client this library builds. */
export interface NeptuneClientSettings {
  /** Default: the standard chain (AWS_REGION, profile). */
  region?: string;
  /** Default: the standard resolution, which honours AWS_ENDPOINT_URL_NEPTUNE_GRAPH by itself. */
  endpoint?: string;
  /** Default: the standard credentials chain (environment, profiles, SSO, container and instance roles). */
  credentials?: NeptuneGraphClientConfig['credentials'];
  /** A named profile from the shared config files. */
  profile?: string;
  /**
   * Per-request timeout. It must stay below the activity's `startToCloseTimeout`, so that a hung request
   * fails as a retryable network error within the attempt instead of timing the attempt out. Default 20 s.
   */
  requestTimeoutMs?: number;
  /** TCP connect timeout. Default 5 s. */
  connectionTimeoutMs?: number;
  /**
   * The SDK's own attempts per call. Default 1: every retry is a Temporal activity attempt, visible and
   * recorded, under the activity's retry policy.
   */
  maxAttempts?: number;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

/** Builds a client from the standard AWS configuration; only what is set here is overridden. */
export function createNeptuneGraphClient(settings: NeptuneClientSettings = {}): NeptuneGraphClient {
  const config: NeptuneGraphClientConfig = {
    maxAttempts: settings.maxAttempts ?? 1,
    requestHandler: {
      requestTimeout: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      connectionTimeout: settings.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      // Without it the SDK only logs a warning when the timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  };
  if (settings.region !== undefined) config.region = settings.region;
  if (settings.endpoint !== undefined) config.endpoint = settings.endpoint;
  if (settings.credentials !== undefined) config.credentials = settings.credentials;
  if (settings.profile !== undefined) config.profile = settings.profile;
  return new NeptuneGraphClient(config);
}
