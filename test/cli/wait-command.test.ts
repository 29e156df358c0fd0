import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';

const root = join(__dirname, '..', '..');

const fixture = useRunningWorker({ emulator: { timeScale: 600 } });

/** The real command line, as a user runs it, configured only by the standard environment variables. */
function neptuneImport(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: fixture.temporal.address,
        TEMPORAL_NAMESPACE: 'default',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('neptune-import wait', () => {
  it('starts the durable wait, follows it and exits 0 on SUCCEEDED', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1800 });
    const { code, output } = await neptuneImport([
      'wait',
      taskId,
      '--task-queue',
      fixture.taskQueue,
      ...['--initial-interval', FAST_POLLING.initialInterval],
      ...['--min-interval', FAST_POLLING.minInterval],
      ...['--max-interval', FAST_POLLING.maxInterval],
    ]);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`${taskId}: IMPORTING \\d+%`), 'progress was followed');
    assert.match(output, new RegExp(`Started workflow neptune-import-${taskId}`));
    assert.match(output, new RegExp(`${taskId}: SUCCEEDED after .* \\(\\d+ polls, 1 run\\)`));
  });

  it('exits 1 with the failure type when the task does not exist', async () => {
    const { code, output } = await neptuneImport(['wait', 't-0000000404', '--task-queue', fixture.taskQueue]);
    assert.equal(code, 1, output);
    assert.match(output, /t-0000000404: NeptuneNotFound: Stopped waiting/);
  });

  it('prints a failure whose AWS message quotes an access key id with the key id redacted', async () => {
    const keyId = 'AKIAIOSFODNN7EXAMPLE';
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1800 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'AccessDeniedException',
      message: `User with access key ${keyId} is not authorized to perform neptune-graph:GetImportTask`,
    });
    const { code, output } = await neptuneImport(['wait', taskId, '--task-queue', fixture.taskQueue]);
    assert.equal(code, 1, output);
    assert.match(output, /NeptuneAccessDenied: .*User with access key AKIA\*+ is not authorized/);
    assert.ok(!output.includes(keyId), output);
  });

  it('rejects a malformed task id before contacting anything', async () => {
    const { code, output } = await neptuneImport(['wait', 'T-NOPE', '--task-queue', fixture.taskQueue]);
    assert.equal(code, 1);
    assert.match(output, /Invalid taskIdentifier: expected a task id matching/);
  });

  it('with --detach, starts the wait and returns; a second wait joins the running one', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 36_000 });
    const first = await neptuneImport(['wait', taskId, '--task-queue', fixture.taskQueue, '--detach']);
    assert.equal(first.code, 0, first.output);
    const second = await neptuneImport(['wait', taskId, '--task-queue', fixture.taskQueue, '--detach']);
    assert.match(second.output, /Following the wait already running/);
    await fixture.temporal.client.workflow.getHandle(`neptune-import-${taskId}`).terminate('test done');
  });
});
