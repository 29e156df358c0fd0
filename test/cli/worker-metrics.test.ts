/**
 * `neptune-import worker --metrics-port` as an operator runs it: a process of its own, configured by the
 * standard environment, scraped over HTTP after waits that succeed, fail and are throttled.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NEPTUNE_IMPORT_METRICS } from '../../src/model/metrics';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { startCliWorker, type CliWorker } from '../helpers/neptune-import-command';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

/** Recognisable fake credentials: none may appear in what the worker prints or serves. */
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYMETRICSKEY';
const KEY_ID = 'AKIAMETRICSTESTKEYID';

const taskQueue = `metrics-${Date.now()}`;
let worker: CliWorker | undefined;

// One hook pair: the worker needs the server and the emulator first.
// Real speed: detection delay is measured from the task's own clock (startTime + timeElapsedSeconds).
const fixture = useTemporalAndEmulator(
  { timeScale: 1 },
  {
    started: async (started) => {
      worker = await startCliWorker(started, taskQueue, {
        AWS_ACCESS_KEY_ID: KEY_ID,
        AWS_SECRET_ACCESS_KEY: SECRET_KEY,
      });
    },
    stopping: async () => worker?.stop(),
  },
);

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

const scrape = () => worker!.scrape();

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
      assert.ok(!worker!.output().includes(secret), `worker output holds a credential piece: ${secret}`);
    }
  });

  it("logs each wait's task, workflow and attempt, and keeps webpack's bundling output out", () => {
    // The worker's logger prints each entry as a line and its attributes, so read entries, not lines.
    const output = worker!.output();
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
