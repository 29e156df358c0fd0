import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pipelineDetailsMarkdown } from '../../src/model/pipeline-presentation';

describe('pipelineDetailsMarkdown', () => {
  it("names the wait and each step's kind, target, state (since when) and id", () => {
    const markdown = pipelineDetailsMarkdown({
      stage: 'the import succeeded: running its steps',
      waitWorkflowId: 'p/await',
      steps: [
        { name: 'index', kind: 'activity', target: 'refresh', stepId: 'p/index', state: 'completed' },
        {
          name: 'report',
          kind: 'childWorkflow',
          target: 'importReport on reports',
          stepId: 'p/report',
          state: 'running',
          sinceMs: Date.UTC(2026, 10, 29, 12),
        },
      ],
    });
    assert.match(markdown, /^### Neptune import pipeline: the import succeeded: running its steps$/m);
    assert.match(markdown, /^The wait: workflow `p\/await`$/m);
    assert.match(markdown, /^\| index \| activity \| `refresh` \| completed \| `p\/index` \|$/m);
    assert.match(
      markdown,
      /^\| report \| child workflow \| `importReport on reports` \| running since 2026-11-29T12:00:00.000Z \| `p\/report` \|$/m,
    );
  });

  it('keeps a pipe or backtick in a name or error from breaking the table', () => {
    const markdown = pipelineDetailsMarkdown({
      stage: 'done',
      waitWorkflowId: 'p/await',
      steps: [
        {
          name: 'a|b',
          kind: 'signal',
          target: 'go to `x|y`',
          stepId: 'p/a|b',
          state: 'failed',
          error: 'boom | `bad`',
        },
      ],
    });
    const row = markdown.split('\n').at(-1)!;
    assert.equal(row.split(/(?<!\\)\|/).length, 7, row);
    assert.equal(row.includes('`x'), false);
  });

  it('says so when the outcome has no steps', () => {
    const markdown = pipelineDetailsMarkdown({ stage: 'done', waitWorkflowId: 'p/await', steps: [] });
    assert.match(markdown, /No steps for this outcome\./);
  });
});
