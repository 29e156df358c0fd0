import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { loadRecordedHistories, type RecordedHistory } from '../../scripts/history-store';
import '../helpers/temporal'; // quiet runtime logger

/**
 * Histories of representative runs, recorded from the real dev server by scripts/record-histories.ts.
 * Replaying them against today's workflow code fails on any change that would break running workflows.
 */
const recorded = loadRecordedHistories(join(__dirname, '..', 'fixtures', 'histories'));

async function replay(workflowsPath: string, histories: RecordedHistory[]) {
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowsPath }, histories)) results.push(result);
  return results;
}

describe('replay of recorded histories', () => {
  it('covers success, each failure, both cancellations, continue-as-new, pipelines, runs and lenient inputs', () => {
    for (const prefix of [
      'await-succeeded',
      'await-failed',
      'await-deleted',
      'await-not-found',
      'await-deadline',
      'await-cancelled-import-left-running',
      'await-cancelled-and-import-cancelled',
      'await-continue-as-new.run-3',
      'pipeline.',
      'pipeline-await',
      'pipeline-step-report',
      // Recorded before strict input (0.3.0-lenient): misspelt fields, a string flag, ambiguous steps.
      'await-lenient.',
      'await-lenient-continue-as-new.run-3',
      'run-lenient.',
      'pipeline-lenient.',
      'pipeline-lenient-step-both',
      // Recorded with 0.3.0 (0.3.0-unbounded): inputs it took and 0.4.0 refuses (a 400-day deadline, an
      // unknown start field, returnOnAnyTerminal on a run, step options beyond the ceiling).
      'await-far-deadline.',
      'await-far-deadline-continue-as-new.run-3',
      'run-030.',
      'pipeline-030.',
    ]) {
      assert.ok(
        recorded.some(({ name }) => name.split('/')[1]!.startsWith(prefix)),
        `a history for ${prefix}`,
      );
    }
  });

  it('replays every history against the current workflow code without nondeterminism', async () => {
    const results = await replay(require.resolve('../helpers/test-workflows'), recorded);
    assert.equal(results.length, recorded.length);
    for (const result of results)
      assert.equal(result.error, undefined, `${result.workflowId}: ${String(result.error)}`);
  });

  it('fails on an incompatible change of the workflow code', async () => {
    const succeeded = recorded.filter(({ name }) => name.endsWith('/await-succeeded.history.pb'));
    const [result] = await replay(require.resolve('../fixtures/nondeterministic-workflows'), succeeded);
    assert.ok(result?.error, 'the changed workflow must not replay cleanly');
    assert.equal(result.error.name, 'DeterminismViolationError', String(result.error));
  });
});
