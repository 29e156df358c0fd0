import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { bundleWorkflowCode } from '@temporalio/worker';
import type * as Testing from '../../src/testing';

/**
 * The package as users get it: its name resolves through package.json `exports` to the built files
 * (`npm test` builds first), and its command runs from `bin`.
 */
const root = join(__dirname, '..', '..');

describe('package exports', () => {
  it("'.' has the activities factory, the worker helper, the client helpers and the failure types", async () => {
    const main = (await import('temporal-neptune-import')) as Record<string, unknown>;
    for (const name of [
      'createNeptuneImportActivities',
      'createNeptuneImportWorker',
      'startAwaitImportTask',
      'ensureSearchAttributes',
      'neptuneImportPlugin',
      'classifyNeptuneError',
    ]) {
      assert.equal(typeof main[name], 'function', name);
    }
    assert.equal((main.FailureType as Record<string, string>).NOT_FOUND, 'NeptuneNotFound');
  });

  it("'./testing' starts the emulator in process", async () => {
    const { NeptuneEmulator } = (await import('temporal-neptune-import/testing')) as typeof Testing;
    const emulator = await NeptuneEmulator.start({ port: 0 });
    try {
      assert.match(emulator.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await emulator.close();
    }
  });

  it("'./workflows' bundles for the workflow sandbox on its own", async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('temporal-neptune-import/workflows'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    });
    for (const name of ['awaitImportTask', 'importTaskPipeline', 'waitForImportTask']) {
      assert.ok(bundle.code.includes(name), name);
    }
  });

  it('the neptune-import command answers --help from its bin entry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = pkg.bin['neptune-import']!;
    const help = execFileSync(process.execPath, [join(root, bin), '--help'], { encoding: 'utf8' });
    for (const command of ['emulator', 'dev-server', 'worker', 'wait'])
      assert.match(help, new RegExp(`\\b${command}\\b`));
  });
});
