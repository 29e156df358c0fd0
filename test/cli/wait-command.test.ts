import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { useRunningWorker } from '../helpers/running-worker';

const root = join(__dirname, '..', '..');
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const fixture = useRunningWorker({ timeScale: 600 });

/** The real command line, as a user runs it, configured only by the standard environment variables. */
function neptuneImport(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: fixture.temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        AWS_SECRET_ACCESS_KEY: SECRET,
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
      ...['--initial-interval', '200ms', '--min-interval', '100ms', '--max-interval', '400ms'],
    ]);
    assert.equal(code, 0, output);
    assert.match(output, new RegExp(`${taskId}: IMPORTING \\d+%`), 'progress was followed');
    assert.match(output, new RegExp(`Started workflow neptune-import-${taskId}`));
    assert.match(output, new RegExp(`${taskId}: SUCCEEDED after .* \\(\\d+ polls, 1 run\\)`));
    assert.ok(!output.includes(SECRET), 'no credential in the output');
  });

  it('exits 1 with the failure type when the task does not exist', async () => {
    const { code, output } = await neptuneImport(['wait', 't-0000000404', '--task-queue', fixture.taskQueue]);
    assert.equal(code, 1, output);
    assert.match(output, /t-0000000404: NeptuneNotFound: Stopped waiting/);
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
