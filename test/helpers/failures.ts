import assert from 'node:assert/strict';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';

/** The ApplicationFailure an activity (run under MockActivityEnvironment) threw. */
export async function activityFailure(result: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await result.then(
    () => assert.fail('expected the activity to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ApplicationFailure, `expected an ApplicationFailure, got ${String(error)}`);
  return error;
}

/** The ApplicationFailure a workflow failed with. */
export async function workflowFailure(result: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await result.then(
    () => assert.fail('expected the workflow to fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkflowFailedError, `expected WorkflowFailedError, got ${String(error)}`);
  assert.ok(
    error.cause instanceof ApplicationFailure,
    `expected an ApplicationFailure cause, got ${String(error.cause)}`,
  );
  return error.cause;
}

export async function assertCancelled(result: Promise<unknown>): Promise<void> {
  const error = await result.then(
    () => assert.fail('expected the workflow to end cancelled'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkflowFailedError, String(error));
  assert.ok(error.cause instanceof CancelledFailure, `expected CancelledFailure, got ${String(error.cause)}`);
}

/** Polls `check` until it holds (tests wait for outcomes, not for fixed times). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
