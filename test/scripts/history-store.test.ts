import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createHistoryRecording, loadRecordedHistories } from '../../scripts/history-store';

const root = mkdtempSync(join(tmpdir(), 'histories-'));
after(() => rmSync(root, { recursive: true, force: true }));

const history = (eventType: number) => ({ events: [{ eventType }] });

describe('recorded histories', () => {
  it('a new recording goes beside the older ones, which stay as they were', () => {
    const first = createHistoryRecording(root, '0.1.0');
    first.save('await-succeeded.history.pb', 'wf-1', history(1));
    first.finish();
    const second = createHistoryRecording(root, '0.2.0');
    second.save('await-succeeded.history.pb', 'wf-2', history(2));
    second.finish();

    assert.deepEqual(readdirSync(root).sort(), ['0.1.0', '0.2.0']);
    const loaded = loadRecordedHistories(root);
    assert.deepEqual(
      loaded.map(({ name, workflowId }) => [name, workflowId]),
      [
        ['0.1.0/await-succeeded.history.pb', 'wf-1'],
        ['0.2.0/await-succeeded.history.pb', 'wf-2'],
      ],
    );
    assert.equal(loaded[1]!.history.events[0]!.eventType, 2);
  });

  it('refuses to record again under a label that exists, and deletes nothing', () => {
    assert.throws(() => createHistoryRecording(root, '0.1.0'), /exist already/);
    assert.equal(loadRecordedHistories(root).length, 2);
    assert.deepEqual(readdirSync(root).sort(), ['0.1.0', '0.2.0']);
  });

  it('a recording that fails before it finishes leaves the recorded histories loadable', () => {
    const failed = createHistoryRecording(root, '0.3.0');
    failed.save('await-succeeded.history.pb', 'wf-3', history(3));
    assert.equal(loadRecordedHistories(root).length, 2, 'the unfinished recording is not loaded');
    failed.abandon();
    assert.deepEqual(readdirSync(root).sort(), ['0.1.0', '0.2.0']);
    const retried = createHistoryRecording(root, '0.3.0');
    retried.finish();
    assert.ok(readdirSync(root).includes('0.3.0'), 'the label is free to record again');
  });

  it('refuses a label that is not a plain folder name', () => {
    assert.throws(() => createHistoryRecording(root, '../elsewhere'), /folder name/);
  });

  it("loads the project's own recordings with their workflow ids", () => {
    const recorded = loadRecordedHistories(join(__dirname, '..', 'fixtures', 'histories'));
    assert.ok(recorded.length >= 14);
    assert.ok(recorded.every(({ workflowId }) => workflowId.startsWith('history-')));
  });
});
