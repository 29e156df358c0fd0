import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TEST_ROLE_ARN } from '../helpers/emulator';
import { bin, run, type Ran } from '../helpers/neptune-import-command';
import { FAST_POLLING, useRunningWorker } from '../helpers/running-worker';

const scratch = mkdtempSync(join(tmpdir(), 'neptune-import-cli-'));

const fixture = useRunningWorker({
  emulator: { timeScale: 600 },
  activities: { recordStep: async (_context: unknown, label: string) => `recorded ${label}` },
});

/** The built command, as a user runs it, configured only by the standard environment variables. */
function neptuneImport(args: string[]): Promise<Ran> {
  assert.ok(existsSync(bin), 'npm test builds the command first');
  return run(process.execPath, [bin, ...args], {
    ...process.env,
    TEMPORAL_ADDRESS: fixture.temporal.address,
    TEMPORAL_NAMESPACE: 'default',
  });
}

/** Runs `command` until `done` holds, at most 60 times: visibility and queries catch up in seconds. */
async function until(command: () => Promise<Ran>, done: (ran: Ran) => boolean, what: string): Promise<Ran> {
  for (let tries = 0; tries < 60; tries++) {
    const ran = await command();
    if (done(ran)) return ran;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.fail(`never: ${what}`);
}

const fast = () => [
  ...['--task-queue', fixture.taskQueue],
  ...['--initial-interval', FAST_POLLING.initialInterval],
  ...['--min-interval', FAST_POLLING.minInterval],
  ...['--max-interval', FAST_POLLING.maxInterval],
];
let graphs = 0;
const newGraph = () => `g-cli${Date.now().toString(36).slice(-4)}${String(++graphs).padStart(3, '0')}`;
const importFlags = ['--source', 's3://bucket/movies/', '--role-arn', TEST_ROLE_ARN];
const starts = (graphId: string) =>
  fixture.emulator.requests.filter((r) => r.operation === 'StartImportTask' && r.graphId === graphId).length;

describe('neptune-import start and create-graph', () => {
  it('start: imports once, shows the console page and the outcome, exits 0', async () => {
    const graph = newGraph();
    const { code, stdout } = await neptuneImport(['start', '--graph', graph, ...importFlags, ...fast()]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /Started workflow neptune-import-g-cli\w+-\d{8}T\d{6}Z: StartImportTask/);
    assert.match(
      stdout,
      /Import task t-[a-z0-9]{10} \(graph g-cli\w+\): https:\/\/console\.aws\.amazon\.com\//,
    );
    assert.match(stdout, /t-[a-z0-9]{10}: SUCCEEDED after .* \(\d+ polls?, 1 run\)/);
    assert.equal(starts(graph), 1);
  });

  it('create-graph --json prints the result object and nothing else on stdout', async () => {
    const name = `cli-${Date.now().toString(36)}`;
    const { code, stdout, stderr } = await neptuneImport([
      ...['create-graph', '--name', name, ...importFlags, '--memory', '32', '--json'],
      ...fast(),
    ]);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout) as { task: { status: string }; graphId: string; consoleUrl: string };
    assert.equal(result.task.status, 'SUCCEEDED');
    assert.equal(fixture.emulator.getGraph(result.graphId)?.['name'], name);
    assert.match(result.consoleUrl, /analytics-import-task-details/);
    assert.match(stderr, /Started workflow/, 'notes go to stderr with --json');
  });

  it('bad input exits 3 naming the field, and starts nothing', async () => {
    const graph = newGraph();
    const { code, stderr } = await neptuneImport([
      ...['start', '--graph', graph, '--source', 's3://bucket/movies/', '--role-arn', 'admin'],
      ...fast(),
    ]);
    assert.equal(code, 3, stderr);
    assert.match(stderr, /Invalid start\.roleArn: expected an IAM role ARN/);
    assert.equal(starts(graph), 0);
    assert.equal(fixture.emulator.getGraph(graph), undefined);
  });

  it('a bad duration exits 3 naming it, before anything starts', async () => {
    const graph = newGraph();
    const { code, stderr } = await neptuneImport([
      ...['start', '--graph', graph, ...importFlags, ...fast()],
      ...['--deadline', 'soon'],
    ]);
    assert.equal(code, 3, stderr);
    assert.match(stderr, /Invalid deadline: expected a positive duration/);
    assert.equal(starts(graph), 0);
  });
});

describe('neptune-import wait', () => {
  it('exits 0 on SUCCEEDED, having followed the progress', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 6000 });
    const { code, stdout } = await neptuneImport(['wait', taskId, ...fast()]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`${taskId}: IMPORTING \\d+%`), 'progress was followed');
    assert.match(stdout, new RegExp(`${taskId}: SUCCEEDED after`));
  });

  it('exits 2 when the import ends FAILED', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'fails', durationSeconds: 600 });
    const { code, stdout } = await neptuneImport(['wait', taskId, ...fast()]);
    assert.equal(code, 2, stdout);
    assert.match(stdout, /ImportTaskFailed: Import task .* ended FAILED/);
  });

  it('exits 3 when the task does not exist', async () => {
    const { code, stdout } = await neptuneImport(['wait', 't-0000000404', ...fast()]);
    assert.equal(code, 3, stdout);
    assert.match(stdout, /t-0000000404: NeptuneNotFound: Stopped waiting/);
  });

  it('exits 4 when the deadline passes', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    const { code, stdout } = await neptuneImport(['wait', taskId, ...fast(), '--deadline', '2s']);
    assert.equal(code, 4, stdout);
    assert.match(stdout, /ImportTaskWaitTimedOut/);
  });

  it('--json prints the result object alone on stdout', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    const { code, stdout } = await neptuneImport(['wait', taskId, ...fast(), '--json']);
    assert.equal(code, 0);
    assert.equal((JSON.parse(stdout) as { task: { taskId: string } }).task.taskId, taskId);
  });

  it('a failure quoting an access key id is printed with the key id redacted', async () => {
    const keyId = 'AKIAIOSFODNN7EXAMPLE';
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 1800 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId,
      kind: 'AccessDeniedException',
      message: `User with access key ${keyId} is not authorized to perform neptune-graph:GetImportTask`,
    });
    const { code, stdout } = await neptuneImport(['wait', taskId, ...fast()]);
    assert.equal(code, 3, stdout);
    assert.match(stdout, /NeptuneAccessDenied: .*User with access key AKIA\*+ is not authorized/);
    assert.ok(!stdout.includes(keyId), stdout);
  });

  it('on a terminal, draws a live progress bar', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 3000 });
    const command = [process.execPath, bin, 'wait', taskId, ...fast()].map((arg) => `'${arg}'`).join(' ');
    // `script` runs the command under a pseudo-terminal, as a person's shell would.
    const { stdout } = await run('script', ['-qfec', command, '/dev/null'], {
      ...process.env,
      TEMPORAL_ADDRESS: fixture.temporal.address,
      TERM: 'xterm',
    });
    assert.match(stdout, new RegExp(`${taskId} IMPORTING \\|[█░]+\\| \\d+% · [\\d,]+ statements`), stdout);
    assert.match(stdout, new RegExp(`${taskId}: SUCCEEDED after`));
  });
});

describe('neptune-import status, cancel, list', () => {
  it('status answers a running wait; cancel cancels it; status then says how it ended', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 360_000 });
    assert.equal((await neptuneImport(['wait', taskId, ...fast(), '--detach'])).code, 0);
    const running = await until(
      () => neptuneImport(['status', taskId, '--json']),
      (ran) => (JSON.parse(ran.stdout) as { task?: unknown }).task !== undefined,
      'the wait has polled once',
    );
    const status = JSON.parse(running.stdout) as { running: boolean; task: { taskId: string } };
    assert.equal(status.running, true);
    assert.equal(status.task.taskId, taskId);
    const cancelled = await neptuneImport(['cancel', taskId]);
    assert.equal(cancelled.code, 0, cancelled.stderr);
    assert.match(cancelled.stdout, /cancelled the wait/);
    await until(
      () => neptuneImport(['status', taskId]),
      (ran) => /cancelled/i.test(ran.stdout),
      'status says the wait ended cancelled',
    );
  });

  it('status and cancel refuse a task id that is not one (it would be spliced into a query): exit 3', async () => {
    for (const command of ['status', 'cancel']) {
      const { code, stderr } = await neptuneImport([
        command,
        "x' OR NeptuneImportTaskId IS NOT NULL OR 'a'='a",
      ]);
      assert.equal(code, 3, stderr);
      assert.match(stderr, /Invalid taskIdentifier/);
    }
  });

  it('status of an unknown task exits 3', async () => {
    const { code, stderr } = await neptuneImport(['status', 't-0000000999']);
    assert.equal(code, 3);
    assert.match(stderr, /No wait for import task t-0000000999/);
  });

  it('list shows the waits as a table, filtered by status', async () => {
    const taskId = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 300 });
    assert.equal((await neptuneImport(['wait', taskId, ...fast()])).code, 0);
    const listed = await until(
      () => neptuneImport(['list', '--status', 'SUCCEEDED', '--limit', '100']),
      (ran) => ran.stdout.includes(taskId),
      'the visibility store lists the wait',
    );
    assert.match(listed.stdout, /^TASK\s+GRAPH\s+STATUS\s+PROGRESS\s+WORKFLOW\s+STARTED\s+WORKFLOW ID$/m);
    assert.match(listed.stdout, new RegExp(`^${taskId}\\s+g-\\w+\\s+SUCCEEDED\\s+100%\\s+COMPLETED`, 'm'));
  });

  it('list refuses a status that could change the query, naming the flag (exit 3)', async () => {
    const { code, stderr } = await neptuneImport(['list', '--status', "X' OR 'a'='a"]);
    assert.equal(code, 3);
    assert.match(stderr, /Invalid --status/);
  });
});

describe('neptune-import pipeline', () => {
  it('runs a spec: starts the import, waits, runs the step, exits 0', async () => {
    const graph = newGraph();
    const spec = join(scratch, 'pipeline.json');
    writeFileSync(
      spec,
      JSON.stringify({
        start: { graphIdentifier: graph, source: 's3://bucket/movies/', roleArn: TEST_ROLE_ARN },
        await: { polling: FAST_POLLING },
        onSucceeded: [{ name: 'publish', activityType: 'recordStep', args: ['movies'] }],
      }),
    );
    const { code, stdout } = await neptuneImport([
      'pipeline',
      '--spec',
      spec,
      '--task-queue',
      fixture.taskQueue,
    ]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /step publish: completed → "recorded movies"/);
    assert.equal(starts(graph), 1);
  });

  const badSpecs: [what: string, content: string, message: RegExp][] = [
    ['malformed JSON', '{ "await": ', /Invalid --spec: expected a JSON file/],
    [
      'a step of no known kind',
      JSON.stringify({ await: { taskIdentifier: 't-0000000001' }, onSucceeded: [{ name: 'x' }] }),
      /Invalid onSucceeded\[0\]/,
    ],
    [
      'a step list that is not a list',
      JSON.stringify({ await: { taskIdentifier: 't-0000000001' }, onFailed: 'page' }),
      /Invalid onFailed: expected a list of steps/,
    ],
    ['a bad task id', JSON.stringify({ await: { taskIdentifier: 'T-1' } }), /Invalid await\.taskIdentifier/],
  ];
  for (const [what, content, message] of badSpecs) {
    it(`a spec with ${what} exits 3 naming the field; nothing starts`, async () => {
      const spec = join(scratch, `bad-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(spec, content);
      const workflowId = `bad-spec-${Math.random().toString(36).slice(2)}`;
      const { code, stderr } = await neptuneImport(['pipeline', '--spec', spec, '--workflow-id', workflowId]);
      assert.equal(code, 3, stderr);
      assert.match(stderr, message);
      await assert.rejects(fixture.temporal.client.workflow.getHandle(workflowId).describe(), /not found/i);
    });
  }
});

describe('neptune-import usage', () => {
  it('an unknown flag exits 64 with one line and the usage', async () => {
    const { code, stderr } = await neptuneImport(['wait', 't-0000000001', '--frobnicate']);
    assert.equal(code, 64);
    assert.equal(
      stderr,
      "error: unknown option '--frobnicate'\nUsage: neptune-import wait [options] <task>\n",
    );
  });

  it('a mistyped flag is named first, with the flag meant, even beside a required one left out', async () => {
    const { code, stderr } = await neptuneImport([...['start', '--grpah', 'g-0123456789', ...importFlags]]);
    assert.equal(code, 64);
    assert.equal(
      stderr,
      "error: unknown option '--grpah'\n(Did you mean --graph?)\nUsage: neptune-import start [options]\n",
    );
  });

  it('a required flag left out is named: exit 64', async () => {
    const { code, stderr } = await neptuneImport(['start', ...importFlags]);
    assert.equal(code, 64);
    assert.match(stderr, /^error: required option '--graph <id>' not specified\n/);
  });

  it('--version prints the package version', async () => {
    const { code, stdout } = await neptuneImport(['--version']);
    assert.equal(code, 0);
    const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(stdout, `${version}\n`);
  });

  it('no command at all exits 64', async () => {
    const { code, stderr } = await neptuneImport([]);
    assert.equal(code, 64);
    assert.match(stderr, /a command is needed/);
  });

  it('bad input is refused before Temporal is contacted: exit 3, even with Temporal unreachable', async () => {
    const { code, stderr } = await run(
      process.execPath,
      [bin, 'start', '--graph', 'g-0123456789', '--source', 's3://b/x/', '--role-arn', 'admin'],
      { ...process.env, TEMPORAL_ADDRESS: '127.0.0.1:1' },
    );
    assert.equal(code, 3, stderr);
    assert.match(stderr, /Invalid start\.roleArn/);
  });

  it('a missing argument exits 64', async () => {
    const { code, stderr } = await neptuneImport(['status']);
    assert.equal(code, 64);
    assert.match(stderr, /missing required argument 'task'/);
  });

  const commands = ['start', 'create-graph', 'wait', 'status', 'cancel', 'list', 'pipeline'];
  for (const command of [...commands, 'worker', 'emulator', 'dev-server']) {
    it(`${command} --help shows an example`, async () => {
      const { code, stdout } = await neptuneImport([command, '--help']);
      assert.equal(code, 0);
      assert.match(stdout, new RegExp(`Example:\\n  \\$ (\\S+=\\S+ )?neptune-import ${command}\\b`));
    });
  }

  it('an unreachable Temporal address is named in a one-line error, exit 1', async () => {
    const { code, stderr } = await run(process.execPath, [bin, 'status', 't-0000000001'], {
      ...process.env,
      TEMPORAL_ADDRESS: '127.0.0.1:1',
    });
    assert.equal(code, 1);
    assert.match(stderr, /^Cannot reach Temporal at 127\.0\.0\.1:1 .*TEMPORAL_ADDRESS/);
  });
});
