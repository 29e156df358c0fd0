import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GetImportTaskCommand, ThrottlingException } from '@aws-sdk/client-neptune-graph';
import { NeptuneEmulator } from '../../../src/testing/emulator';
import { ScenarioError, loadScenarioFile, validateScenario } from '../../../src/testing/emulator/scenario';
import { FakeClock, rejection, sdkClient } from './harness';

const EXAMPLE = join(__dirname, '../../../src/testing/emulator/examples/throttled-import.json');

function problems(value: unknown): string[] {
  try {
    validateScenario(value);
  } catch (err) {
    assert.ok(err instanceof ScenarioError);
    return err.problems;
  }
  assert.fail('expected the scenario to be rejected');
}

describe('scenario validation', () => {
  it('the shipped example loads', () => {
    const scenario = loadScenarioFile(EXAMPLE);
    assert.equal(scenario.tasks?.length, 2);
    assert.equal(scenario.faults?.length, 4);
  });

  it('the shipped example drives an emulator: the movies task is throttled 3 times, then served', async () => {
    const clock = new FakeClock();
    const emulator = await NeptuneEmulator.start({ scenario: loadScenarioFile(EXAMPLE), now: clock.now });
    const client = sdkClient(emulator.endpoint);
    try {
      emulator.clearFaults();
      emulator.addFault({
        operation: 'GetImportTask',
        taskId: 't-movies0001',
        kind: 'ThrottlingException',
        count: 3,
      });
      const get = () => client.send(new GetImportTaskCommand({ taskIdentifier: 't-movies0001' }));
      for (let i = 0; i < 3; i++) assert.ok((await rejection(get)) instanceof ThrottlingException);
      const out = await get();
      assert.equal(out.status, 'INITIALIZING');
      assert.equal(out.format, 'OPEN_CYPHER');
      // Real speed (timeScale 1): a minute later it is importing, three minutes later it has succeeded.
      clock.advanceSeconds(60);
      assert.equal((await get()).status, 'IMPORTING');
      clock.advanceSeconds(120);
      assert.equal((await get()).status, 'SUCCEEDED');
    } finally {
      client.destroy();
      await emulator.close();
    }
  });

  it('an empty scenario is valid', () => {
    assert.deepEqual(validateScenario({}), {});
  });

  it('names the path of every bad field', () => {
    const found = problems({
      timeScale: -1,
      tasks: [
        { taskId: 'task-1', timeline: 'explodes' },
        { timeline: [{ status: 'IMPORTING', seconds: 10 }] },
      ],
      faults: [{ kind: 'ThrottlingException', rate: 2, operation: 'DeleteGraph' }],
      graphs: [{ graphId: 'G1', colour: 'red' }],
    });
    const expected = [
      /^scenario\.timeScale: must be >= 0/,
      /^scenario\.tasks\[0\]\.taskId: must match/,
      /^scenario\.tasks\[0\]\.timeline: unknown timeline 'explodes'/,
      /^scenario\.tasks\[1\]\.timeline\[0\]\.seconds: the last phase/,
      /^scenario\.tasks\[1\]\.timeline\[0\]\.status: the last phase must have a terminal status/,
      /^scenario\.faults\[0\]\.rate: must be <= 1/,
      /^scenario\.faults\[0\]\.operation: must be one of/,
      /^scenario\.graphs\[0\]\.graphId: must match/,
      /^scenario\.graphs\[0\]\.colour: unknown field/,
    ];
    for (const re of expected)
      assert.ok(
        found.some((p) => re.test(p)),
        `missing ${re}; got:\n${found.join('\n')}`,
      );
    assert.equal(found.length, expected.length);
  });

  it('rejects two tasks or two graphs with the same id', () => {
    const found = problems({
      graphs: [{ graphId: 'g-0000000001' }, { graphId: 'g-0000000001' }],
      tasks: [{ taskId: 't-0000000001' }, { taskId: 't-0000000002' }, { taskId: 't-0000000001' }],
    });
    assert.deepEqual(found, [
      'scenario.graphs[1].graphId: duplicates scenario.graphs[0].graphId',
      'scenario.tasks[2].taskId: duplicates scenario.tasks[0].taskId',
    ]);
  });

  it('checks the inside of explicit phases', () => {
    const found = problems({
      defaultTimeline: [
        { status: 'IMPORTING', progress: { from: 0, to: 120, curve: 'wobbly' }, statementCount: { from: 1 } },
        { status: 'SUCCEEDED' },
      ],
    });
    assert.ok(found.includes('scenario.defaultTimeline[0].seconds: is required on every phase but the last'));
    assert.ok(found.some((p) => p.startsWith('scenario.defaultTimeline[0].progress.to: must be <= 100')));
    assert.ok(found.some((p) => p.startsWith('scenario.defaultTimeline[0].progress.curve: must be one of')));
    assert.ok(found.includes('scenario.defaultTimeline[0].statementCount: needs both from and to'));
  });

  it('loadScenarioFile reports bad JSON with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "timeScale": ');
    assert.throws(
      () => loadScenarioFile(file),
      (err: Error) => err.message.includes(file) && /not valid JSON/.test(err.message),
    );
  });

  it('loadScenarioFile reports invalid content with the file name and the path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ cancellingSeconds: 'soon' }));
    assert.throws(
      () => loadScenarioFile(file),
      (err: Error) =>
        err.message.includes(file) && err.message.includes('scenario.cancellingSeconds: must be a number'),
    );
  });

  it('setScenario rejects an invalid scenario and leaves the emulator as it was', async () => {
    const emulator = await NeptuneEmulator.start();
    try {
      const taskId = emulator.addTask();
      assert.throws(() => emulator.setScenario({ tasks: [{ durationSeconds: -5 }] }), ScenarioError);
      assert.ok(emulator.getTask(taskId));
    } finally {
      await emulator.close();
    }
  });

  it('the same seed gives the same generated ids', async () => {
    const ids = async () => {
      const emulator = await NeptuneEmulator.start({ seed: 5 });
      try {
        return [emulator.addTask(), emulator.addTask(), emulator.addGraph()];
      } finally {
        await emulator.close();
      }
    };
    const first = await ids();
    assert.deepEqual(await ids(), first);
    assert.match(first[0]!, /^t-[a-z0-9]{10}$/);
    assert.match(first[2]!, /^g-[a-z0-9]{10}$/);
  });
});
