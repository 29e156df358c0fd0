import type { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { Context } from '@temporalio/activity';
import { BENIGN_FAILURE_TYPES, BOUNDED_RETRY_FAILURE_TYPES } from '../src/model/failure-types';
import { NEPTUNE_IMPORT_METRICS } from '../src/model/metrics';
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
  /**
   * Records `fields` for the activity's next attempt (as heartbeat details, merged with what this attempt
   * recorded before), and reads what the previous attempt recorded.
   */
  remember(fields: Partial<AttemptRecord>): void;
  earlier(): Partial<AttemptRecord>;
}

/** What an attempt leaves for the next one. */
export interface AttemptRecord {
  /** When a start request was sent (start activities). */
  sentAt: number;
  /** How many attempts in a row, up to this one, failed with an error not known to be transient. */
  boundedFailures: number;
}

/** The service's answer that the resource is busy or already exists: the one error `recover` handlers read. */
export function isConflict(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ConflictException';
}

export function createNeptuneCalls(settings: {
  client?: NeptuneGraphClient;
  clientSettings?: NeptuneClientSettings;
  unknownErrorAttempts?: number;
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
  // Per activity attempt: what it recorded so far, so that one record does not overwrite another.
  const recorded = new WeakMap<Context, Partial<AttemptRecord>>();
  const earlier = (): Partial<AttemptRecord> => {
    const details: unknown = Context.current().info.heartbeatDetails;
    return typeof details === 'object' && details !== null ? details : {};
  };
  const remember = (fields: Partial<AttemptRecord>) => {
    const context = Context.current();
    const record = { ...recorded.get(context), ...fields };
    recorded.set(context, record);
    context.heartbeat(record);
  };
  return {
    client: neptune,
    remember,
    earlier,
    async call(operation, subject, send, options = {}) {
      const signal = Context.current().cancellationSignal;
      try {
        return await send(signal);
      } catch (error) {
        if (signal.aborted) throw signal.reason ?? error;
        const recovered = await options.recover?.(error);
        if (recovered !== undefined) return recovered;
        const context = Context.current();
        const previous = earlier().boundedFailures;
        const failure = toActivityFailure(error, operation, subject, {
          context: { notFoundIsTransient: options.notFoundIsTransient },
          secrets: await secrets(),
          boundedFailuresBefore: typeof previous === 'number' && previous > 0 ? previous : 0,
          boundedAttempts: settings.unknownErrorAttempts,
        });
        // Consecutive: any other failure starts the count again.
        const bounded = (BOUNDED_RETRY_FAILURE_TYPES as readonly string[]).includes(failure.type ?? '');
        if (!failure.nonRetryable) remember({ boundedFailures: bounded ? (previous ?? 0) + 1 : 0 });
        context.metricMeter
          .createCounter(NEPTUNE_IMPORT_METRICS.failures)
          .add(1, { operation, failure_type: failure.type ?? 'unknown' });
        // The SDK's activity logger adds the workflow id, activity type and attempt. Throttling is expected.
        const benign = (BENIGN_FAILURE_TYPES as readonly string[]).includes(failure.type ?? '');
        context.log[benign ? 'info' : 'warn'](`${operation} failed`, {
          subject,
          failureType: failure.type,
          retryable: !failure.nonRetryable,
        });
        throw failure;
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
