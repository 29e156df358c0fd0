import type { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { createNeptuneGraphClient, type NeptuneClientSettings } from '../src/neptune/create-client';
import { toActivityFailure, type NeptuneOperation } from './activity-failure';

/**
 * How every activity of this library sends a request: one client per factory, built on first use, each
 * request aborted with the activity, and whatever it throws classified into an ApplicationFailure.
 */
export interface NeptuneCalls {
  client(): NeptuneGraphClient;
  /**
   * One request: the activity's cancellation aborts it (and is rethrown as such); any other error may be
   * turned into an answer by `recover` (returning undefined declines), and is classified otherwise.
   */
  call<T>(
    operation: NeptuneOperation,
    subject: string,
    send: (abortSignal: AbortSignal) => Promise<T>,
    options?: { notFoundIsTransient?: boolean; recover?: (error: unknown) => Promise<T | undefined> },
  ): Promise<T>;
  /** Input checks run before any request; what they reject fails the activity, not retried. */
  checked<T>(operation: NeptuneOperation, validate: () => T): T;
  /** The region the client resolved (from its settings or the standard AWS configuration). */
  region(): Promise<string>;
}

/** The service's answer that the resource is busy or already exists: the one error `recover` handlers read. */
export function isConflict(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ConflictException';
}

export function createNeptuneCalls(settings: {
  client?: NeptuneGraphClient;
  clientSettings?: NeptuneClientSettings;
}): NeptuneCalls {
  let client = settings.client;
  // Built on first use, not at worker start: a missing region then fails an activity (classified, not
  // retried) instead of crashing the worker.
  const neptune = () => (client ??= createNeptuneGraphClient(settings.clientSettings));
  /** The values the client signs with, for redaction; none when they cannot be had (that is the error then). */
  const secrets = async (): Promise<string[]> => {
    try {
      const { accessKeyId, secretAccessKey, sessionToken } = await neptune().config.credentials();
      return [accessKeyId, secretAccessKey, sessionToken].filter((value): value is string => !!value);
    } catch {
      return [];
    }
  };
  return {
    client: neptune,
    async call(operation, subject, send, options = {}) {
      const signal = Context.current().cancellationSignal;
      try {
        return await send(signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        const recovered = await options.recover?.(error);
        if (recovered !== undefined) return recovered;
        throw toActivityFailure(
          error,
          operation,
          subject,
          { notFoundIsTransient: options.notFoundIsTransient },
          await secrets(),
        );
      }
    },
    checked(operation, validate) {
      try {
        return validate();
      } catch (error) {
        throw toActivityFailure(error, operation, '');
      }
    },
    region: () => neptune().config.region(),
  };
}
