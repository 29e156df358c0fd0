/**
 * Credentials never leak: with a recognisable key id, secret and session token in the worker's environment,
 * and AWS error messages that quote them, no credential (nor any 8-character piece of one) appears in
 * workflow history fetched as JSON, the worker's log, its metrics, or any command's output.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { FailureType } from '../../src/model/failure-types';
import { SECRET_PIECE_LENGTH } from '../../src/neptune/redact-credentials';
import { startAwaitImportTask } from '../../src/temporal/start-await-import-task';
import { locateTemporalCli } from '../../src/testing/dev-server/locate-temporal-cli';
import { bin, run, startCliWorker, type CliWorker } from '../helpers/neptune-import-command';
import { workflowFailure } from '../helpers/failures';
import { FAST_POLLING, useTemporalAndEmulator } from '../helpers/running-worker';

const KEY_ID = 'AKIASECRETSTESTKEYID';
const SECRET_KEY = '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';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDsecretsTestSessionToken9';
const CREDENTIALS_ENV = {
  AWS_ACCESS_KEY_ID: KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET_KEY,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
};

/** Every 8-character piece of every credential (a piece of a run of one character is not telling). */
const pieces = [KEY_ID, SECRET_KEY, SESSION_TOKEN].flatMap((secret) =>
  Array.from({ length: secret.length - SECRET_PIECE_LENGTH + 1 }, (_, i) =>
    secret.slice(i, i + SECRET_PIECE_LENGTH),
  ).filter((piece) => new Set(piece).size > 1),
);

function assertNoCredential(where: string, text: string): void {
  assert.ok(text.length > 0, `${where} is empty: nothing was checked`);
  const found = pieces.filter((piece) => text.includes(piece));
  assert.deepEqual(found, [], `${where} holds pieces of a credential`);
}

/** Base64 payload data decoded in place, so that a credential inside a payload shows too. */
function withPayloadsDecoded(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(withPayloadsDecoded);
  if (typeof json !== 'object' || json === null) return json;
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) => [
      key,
      key === 'data' && typeof value === 'string'
        ? Buffer.from(value, 'base64').toString('utf8')
        : withPayloadsDecoded(value),
    ]),
  );
}

const taskQueue = `secrets-${Date.now()}`;
let worker: CliWorker | undefined;
const fixture = useTemporalAndEmulator(
  { timeScale: 600 },
  {
    started: async (started) => {
      worker = await startCliWorker(started, taskQueue, CREDENTIALS_ENV);
    },
    stopping: async () => worker?.stop(),
  },
);

const quoting = (what: string) =>
  `${what}: key ${KEY_ID}, secret ${SECRET_KEY}, token ${SESSION_TOKEN}, near '${SECRET_KEY.slice(12, 21)}'`;

describe('no credential in what the library writes or prints', () => {
  const workflowIds: string[] = [];
  let deniedTask: string;

  it('the check finds a credential, or a piece of one, where it is', () => {
    assert.throws(() => assertNoCredential('a quoting message', quoting('Denied')), /holds pieces/);
    assert.throws(() => assertNoCredential('a piece', `…${SESSION_TOKEN.slice(40, 48)}…`), /holds pieces/);
  });

  it('waits that meet answers quoting the credentials: one denied, one throttled then served', async () => {
    const { client } = fixture.temporal;
    deniedTask = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    const throttledTask = fixture.emulator.addTask({ timeline: 'succeeds', durationSeconds: 600 });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId: deniedTask,
      kind: 'AccessDeniedException',
      message: quoting('The request signature we calculated does not match'),
    });
    fixture.emulator.addFault({
      operation: 'GetImportTask',
      taskId: throttledTask,
      kind: 'ThrottlingException',
      message: quoting('Rate exceeded'),
      count: 2,
    });
    const [denied, throttled] = await Promise.all(
      [deniedTask, throttledTask].map((taskIdentifier) =>
        startAwaitImportTask(client, { taskIdentifier, polling: FAST_POLLING }, { taskQueue }),
      ),
    );
    workflowIds.push(denied!.workflowId, throttled!.workflowId);
    const failure = await workflowFailure(denied!.result());
    assert.equal(failure.type, FailureType.ACCESS_DENIED);
    // The message still says what happened, with the credentials taken out.
    assert.match(
      failure.message,
      /does not match: key <redacted>, secret <redacted>, token <redacted>, near '<redacted>'/,
    );
    assert.equal((await throttled!.result()).task.status, 'SUCCEEDED');
    const quoted = fixture.emulator.requests.filter((r) => r.fault !== undefined).length;
    assert.equal(quoted, 3, 'every answer quoting the credentials reached the worker');
  });

  it('workflow history, fetched as JSON by the Temporal CLI, payloads decoded', async () => {
    const cli = await locateTemporalCli();
    assert.ok(cli, 'the Temporal CLI the test run uses');
    assert.equal(workflowIds.length, 2, 'the waits of the first test');
    for (const workflowId of workflowIds) {
      const args = ['--address', fixture.temporal.address, '--namespace', 'default', '--output', 'json'];
      for (const command of [
        ['workflow', 'show', '--workflow-id', workflowId],
        ['workflow', 'describe', '--workflow-id', workflowId],
      ]) {
        const json = execFileSync(cli.path, [...command, ...args]).toString();
        assertNoCredential(`temporal ${command.slice(0, 2).join(' ')} ${workflowId}`, json);
        assertNoCredential(
          `decoded payloads of ${workflowId}`,
          JSON.stringify(withPayloadsDecoded(JSON.parse(json))),
        );
      }
    }
  });

  it('the worker log and its metrics', async () => {
    assert.match(worker!.output(), /GetImportTask failed/, 'the worker logged the failures');
    assertNoCredential('the worker log', worker!.output());
    assertNoCredential('the metrics', await worker!.scrape());
  });

  it('the output of wait, status and list, run with the credentials in their environment', async () => {
    const env = {
      ...process.env,
      ...CREDENTIALS_ENV,
      TEMPORAL_ADDRESS: fixture.temporal.address,
      TEMPORAL_NAMESPACE: 'default',
    };
    for (const args of [
      ['wait', deniedTask, '--task-queue', taskQueue],
      ['status', deniedTask],
      ['list'],
      ['wait', deniedTask, '--task-queue', taskQueue, '--json'],
    ]) {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], env);
      assertNoCredential(`neptune-import ${args.join(' ')}`, stdout + stderr);
    }
  });
});
