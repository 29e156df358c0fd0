import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pollSummary, progressBar, waitDetailsMarkdown } from '../../src/model/wait-presentation';
import type { ImportTaskSnapshot } from '../../src/model/import-task-snapshot';

const task: ImportTaskSnapshot = {
  taskId: 't-0123456789',
  graphId: 'g-0123456789',
  status: 'IMPORTING',
  phase: 'running',
  unknownStatus: false,
  details: { progressPercentage: 42, statementCount: 1_234_567, dictionaryEntryCount: 8910, errorCount: 0 },
  observedAt: '2026-01-01T01:00:00.000Z',
};

describe('current details', () => {
  it('draws a progress bar', () => {
    assert.equal(progressBar(42), '████████░░░░░░░░░░░░ 42%');
    assert.equal(progressBar(150), `${'█'.repeat(20)} 100%`);
  });

  it('shows status, progress, counts, elapsed time, next poll and poll count', () => {
    const markdown = waitDetailsMarkdown({
      taskIdentifier: 't-0123456789',
      task,
      polls: 17,
      runs: 2,
      startedAtMs: Date.parse('2026-01-01T00:00:00Z'),
      nowMs: Date.parse('2026-01-01T01:02:00Z'),
      nextPollAtMs: Date.parse('2026-01-01T01:02:45Z'),
    });
    assert.match(markdown, /^### Neptune import task `t-0123456789`: IMPORTING$/m);
    assert.match(markdown, /`████████░░░░░░░░░░░░ 42%`/);
    assert.match(markdown, /\| statements \| 1,234,567 \|/);
    assert.match(markdown, /\| dictionary entries \| 8,910 \|/);
    assert.match(markdown, /\| errors \| 0 \|/);
    assert.match(markdown, /\| waiting for \| 1 h 2 min \|/);
    assert.match(markdown, /\| next poll \| 2026-01-01T01:02:45.000Z \(in 45 s\) \|/);
    assert.match(markdown, /\| polls \| 17 \(run 2\) \|/);
    assert.doesNotMatch(markdown, /predicted end/, 'nothing predicted: no row');
  });

  it('shows the predicted end and why the next poll is when it is', () => {
    const markdown = waitDetailsMarkdown({
      taskIdentifier: 't-0123456789',
      task,
      polls: 3,
      runs: 1,
      startedAtMs: Date.parse('2026-01-01T00:00:00Z'),
      nowMs: Date.parse('2026-01-01T01:00:00Z'),
      nextPollAtMs: Date.parse('2026-01-01T01:05:00Z'),
      nextPollReason: 'estimate',
      predictedEndAtMs: Date.parse('2026-01-01T01:20:00Z'),
    });
    assert.match(markdown, /\| predicted end \| 2026-01-01T01:20:00.000Z \(in 20 min\) \|/);
    assert.match(
      markdown,
      /\| next poll \| 2026-01-01T01:05:00.000Z \(in 5 min\): aimed from the progress so far \|/,
    );
  });

  it('says when a predicted end has passed', () => {
    const markdown = waitDetailsMarkdown({
      taskIdentifier: 't-0123456789',
      task,
      polls: 3,
      runs: 1,
      startedAtMs: 0,
      nowMs: Date.parse('2026-01-01T01:00:00Z'),
      nextPollReason: 'backoff',
      nextPollAtMs: Date.parse('2026-01-01T01:00:10Z'),
      predictedEndAtMs: Date.parse('2026-01-01T00:59:00Z'),
    });
    assert.match(markdown, /\| predicted end \| 2026-01-01T00:59:00.000Z \(1 min ago\) \|/);
    assert.match(markdown, /\(in 10 s\): backing off: no usable progress yet \|/);
  });

  it('flags an unknown status and escapes what the service wrote', () => {
    const markdown = waitDetailsMarkdown({
      taskIdentifier: 't-0123456789',
      task: { ...task, status: 'QUANTUM_SYNCING', unknownStatus: true, statusReason: 'a | b <script>' },
      polls: 1,
      runs: 1,
      startedAtMs: 0,
      nowMs: 1000,
    });
    assert.match(markdown, /QUANTUM\\_SYNCING \(unknown to this library: still waiting\)/);
    assert.match(markdown, /\| status reason \| a \\\| b \\<script\\> \|/);
  });

  it('summarises the next poll from what the last one said', () => {
    assert.equal(pollSummary('t-0123456789', undefined), 'GetImportTask t-0123456789');
    assert.equal(pollSummary('t-0123456789', task), 'GetImportTask t-0123456789 — IMPORTING 42%');
  });
});
