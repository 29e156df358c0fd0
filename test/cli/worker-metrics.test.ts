/**
 * `neptune-import worker --metrics-port` as an operator runs it: a process of its own, configured by the
 * standard environment, scraped over HTTP after waits that succeed, fail and are throttled.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { NEPTUNE_IMPORT_METRICS } from '../../src/model/metrics';
import { freePort } from '../../src/testing/dev-server/start-dev-server';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { FAST_POLLING, useTemporalAndEmulator, type TemporalAndEmulator } from '../helpers/running-worker';

const root = join(__dirname, '..', '..');
const bin = join(root, 'dist', 'src', 'cli', 'main.js');
/** Recognisable fake credentials: none may appear in what the worker prints or serves. */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYMETRICSKEY';
const KEY_ID = 'AKIAMETRICSTESTKEYID';

const taskQueue = `metrics-${Date.now()}`;
let worker: ChildProcess | undefined;
let metricsPort: number;
let output = '';

/** The built command in a process of its own, configured only by the standard environment variables. */
async function startWorker({ temporal, emulator }: TemporalAndEmulator): Promise<void> {
  metricsPort = await freePort();
  const child = spawn(
    process.execPath,
    [bin, 'worker', '--task-queue', taskQueue, '--metrics-port', String(metricsPort)],
    {
      cwd: root,
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: 'default',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: KEY_ID,
        AWS_SECRET_ACCESS_KEY: SECRET_KEY,
        AWS_ENDPOINT_URL_NEPTUNE_GRAPH: emulator.endpoint,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  worker = child;
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker polling')) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`the worker exited (${code}) before polling:\n${output}`)));
  });
}

async function stopWorker(): Promise<void> {
  if (worker && worker.exitCode === null) {
    const exited = once(worker, 'exit');
    worker.kill('SIGTERM');
    await exited;
  }
}

// One hook pair: the worker needs the server and the emulator first.
// Real speed: detection delay is measured from the task's own clock (startTime + timeElapsedSeconds).
const fixture = useTemporalAndEmulator({ timeScale: 1 }, { started: startWorker, stopping: stopWorker });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Prometheus text format: `name{label="value",...} number`. */
function parse(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/** The sum of every sample of `name` (with or without a `_total` suffix) whose labels include `labels`. */
function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name || s.name === `${name}_total`)
    .filter((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

async function scrape(): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  assert.equal(response.status, 200);
  return response.text();
}

describe('neptune-import worker --metrics-port', () => {
  it('serves the domain metrics of waits that succeed, fail and are throttled, with no credential', async () => {
    const { client } = fixture.temporal;
    const { emulator } = fixture;
    const succeeds = emulator.addTask({ timeline: 'succeeds', durationSeconds: 6 });
    const throttled = emulator.addTask({ timeline: 'succeeds', durationSeconds: 6 });
    const fails = emulator.addTask({ timeline: 'fails', durationSeconds: 6 });
    emulator.addFault({
      operation: 'GetImportTask',
      taskId: throttled,
      kind: 'ThrottlingException',
      count: 2,
    });
    const start = (taskIdentifier: string) =>
      startAwaitImportTask(client, { taskIdentifier, polling: FAST_POLLING }, { taskQueue });
    const handles = await Promise.all([succeeds, throttled, fails].map(start));
    const [first, second] = await Promise.all(handles.slice(0, 2).map((handle) => handle.result()));
    assert.equal(first?.task.status, 'SUCCEEDED');
    assert.equal(second?.task.status, 'SUCCEEDED');
    await assert.rejects(handles[2]!.result());

    // Metrics are exported periodically: wait until the last wait's end has arrived.
    let samples: Sample[] = [];
    for (let i = 0; i < 60 && total(samples, NEPTUNE_IMPORT_METRICS.waitsEnded) < 3; i++) {
      samples = parse(await scrape());
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const text = await scrape();
    samples = parse(text);
    const calls = NEPTUNE_IMPORT_METRICS.getImportTaskCalls;
    assert.equal(total(samples, NEPTUNE_IMPORT_METRICS.waitsEnded, { outcome: 'SUCCEEDED' }), 2);
    assert.equal(total(samples, NEPTUNE_IMPORT_METRICS.waitsEnded, { outcome: 'FAILED' }), 1);
    assert.equal(total(samples, calls, { status: 'SUCCEEDED' }), 2);
    assert.equal(total(samples, calls, { status: 'FAILED' }), 1);
    const answered = emulator.countRequests({ operation: 'GetImportTask' }) - 2;
    assert.equal(total(samples, calls), answered, 'one count per answered GetImportTask');
    assert.equal(
      total(samples, NEPTUNE_IMPORT_METRICS.failures, {
        operation: 'GetImportTask',
        failure_type: 'NeptuneThrottled',
      }),
      2,
    );
    assert.equal(total(samples, `${NEPTUNE_IMPORT_METRICS.detectionDelay}_count`), 3);
    const delay = NEPTUNE_IMPORT_METRICS.detectionDelay;
    assert.equal(total(samples, `${delay}_bucket`, { le: '+Inf' }), 3);
    assert.equal(total(samples, `${delay}_bucket`, { le: '600' }), 3, 'buckets in seconds, not milliseconds');
    assert.ok(total(samples, `${delay}_sum`) >= 0);
    // The SDK's own metrics are there too.
    assert.ok(
      samples.some((s) => s.name.startsWith('temporal_')),
      'no SDK metric',
    );
    for (const secret of [SECRET_KEY, KEY_ID, SECRET_KEY.slice(8, 16), KEY_ID.slice(10, 18)]) {
      assert.ok(!text.includes(secret), `metrics output holds a credential piece: ${secret}`);
      assert.ok(!output.includes(secret), `worker output holds a credential piece: ${secret}`);
    }
  });

  it("logs each wait's task, workflow and attempt, and keeps webpack's bundling output out", () => {
    // The worker's logger prints each entry as a line and its attributes, so read entries, not lines.
    const entries = output.split(/\n(?=\d{4}-\d\d-\d\dT)/);
    const throttled = entries.find((entry) => entry.includes('GetImportTask failed'));
    assert.ok(throttled, output);
    for (const attribute of [/NeptuneThrottled/, /workflowId/, /attempt/, /subject: 't-[a-z0-9]{10}'/]) {
      assert.match(throttled, attribute);
    }
    const ended = entries.find((entry) => entry.includes('Import task ended'));
    assert.ok(ended, output);
    assert.match(ended, /workflowId: 'neptune-import-t-[a-z0-9]{10}'/);
    assert.match(ended, /taskIdentifier: 't-[a-z0-9]{10}'/);
    assert.doesNotMatch(output, /webpack|asset workflow-bundle|modules by path/i, output);
  });
});
