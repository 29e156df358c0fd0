import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import '../helpers/temporal'; // quiet runtime logger

/**
 * Histories of representative runs, recorded from the real dev server by scripts/record-histories.ts.
 * Replaying them against today's workflow code fails on any change that would break running workflows.
 */
const dir = join(__dirname, '..', 'fixtures', 'histories');
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.history.pb'))
  .sort();
const workflowIds = JSON.parse(readFileSync(join(dir, 'workflow-ids.json'), 'utf8')) as Record<
  string,
  string
>;

function histories(names: string[]) {
  return names.map((name) => {
    const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, name)));
    const workflowId = workflowIds[name];
    assert.ok(workflowId, `${name} is listed in workflow-ids.json`);
    return { workflowId, history };
  });
}

async function replay(workflowsPath: string, names: string[]) {
  const results = [];
  for await (const result of Worker.runReplayHistories({ workflowsPath }, histories(names)))
    results.push(result);
  return results;
}

describe('replay of recorded histories', () => {
  it('covers success, each failure, both cancellations, continue-as-new and a pipeline', () => {
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
    ]) {
      assert.ok(
        files.some((name) => name.startsWith(prefix)),
        `a history for ${prefix}`,
      );
    }
  });

  it('replays every history against the current workflow code without nondeterminism', async () => {
    const results = await replay(require.resolve('../helpers/test-workflows'), files);
    assert.equal(results.length, files.length);
    for (const result of results)
      assert.equal(result.error, undefined, `${result.workflowId}: ${String(result.error)}`);
  });

  it('fails on an incompatible change of the workflow code', async () => {
    const [result] = await replay(require.resolve('../fixtures/nondeterministic-workflows'), [
      'await-succeeded.history.pb',
    ]);
    assert.ok(result?.error, 'the changed workflow must not replay cleanly');
    assert.equal(result.error.name, 'DeterminismViolationError', String(result.error));
  });
});
