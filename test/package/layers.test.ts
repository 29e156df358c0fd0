import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ESLint } from 'eslint';

/**
 * The layer rules of eslint.config.mjs, proved able to fail: real files of each layer, linted with one
 * import added that their layer forbids. (The project's type-aware lint only parses files it knows, so the
 * probe is an existing file with new text.)
 */
const root = join(__dirname, '..', '..');
let eslint: ESLint;

async function importErrors(file: string, addedImport: string): Promise<string[]> {
  const text = `${addedImport}\n${readFileSync(join(root, file), 'utf8')}`;
  const [result] = await eslint.lintText(text, { filePath: join(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layer boundaries enforced by lint', () => {
  before(() => {
    eslint = new ESLint({ cwd: root });
  });

  const model = 'src/model/durations.ts';
  const workflow = 'workflows/wait-loop.ts';
  const rejected: [file: string, addedImport: string, why: RegExp][] = [
    [model, "import { readFileSync } from 'node:fs';", /Node built-ins/],
    [model, "import { readFileSync } from 'fs';", /Node built-ins/],
    [model, "import { test } from 'node:test';", /Node built-ins/],
    [model, "import { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';", /I\/O/],
    [model, "import { sleep } from '@temporalio/workflow';", /pure/],
    [model, "import { loadClientConnectConfig } from '@temporalio/envconfig';", /pure/],
    [model, "import { Command } from 'commander';", /pure/],
    [model, "import { createNeptuneImportWorker } from 'temporal-neptune-import';", /pure/],
    [model, "import { classifyNeptuneError } from '../neptune/classify-error';", /below/],
    [model, "import { createNeptuneImportWorker } from '..';", /below/],
    [model, "import { createNeptuneImportWorker } from '../index';", /below/],
    [workflow, "import { spawn } from 'node:child_process';", /Node built-ins/],
    [workflow, "import { DatabaseSync } from 'node:sqlite';", /Node built-ins/],
    [workflow, "import { createNeptuneImportActivities } from '../activities';", /types only/],
    [workflow, "import { Client } from '@temporalio/client';", /I\/O/],
    [workflow, "import { SimplePlugin } from '@temporalio/plugin';", /I\/O/],
    [workflow, "import { workflowsPath } from 'temporal-neptune-import';", /I\/O/],
    [workflow, "import { createNeptuneImportWorker } from '../src';", /below/],
    [workflow, "import { classifyNeptuneError } from '../src/neptune/classify-error';", /below/],
    [workflow, "import { classifyNeptuneError } from '../src/model/../neptune/classify-error';", /below/],
    ['src/neptune/classify-error.ts', "import { ApplicationFailure } from '@temporalio/common';", /Temporal/],
    [
      'src/neptune/classify-error.ts',
      "import { toActivityFailure } from '../../activities/activity-failure';",
      /below/,
    ],
    ['activities/create-activities.ts', "import { workflowsPath } from '../src/temporal/worker';", /below/],
    ['src/temporal/worker.ts', "import { NeptuneEmulator } from '../testing/emulator';", /below/],
    ['src/testing/emulator/server.ts', "import { buildProgram } from '../../cli/main';", /below/],
    ['src/index.ts', "export { NeptuneEmulator } from './testing/emulator';", /below/],
  ];
  for (const [file, addedImport, why] of rejected) {
    it(`${file} may not ${addedImport}`, async () => {
      const errors = await importErrors(file, addedImport);
      assert.equal(errors.length, 1, `expected one import error, got ${JSON.stringify(errors)}`);
      assert.match(errors[0]!, why);
    });
  }

  it('workflows may import activities as types', async () => {
    const errors = await importErrors(
      'workflows/wait-loop.ts',
      "import type { GetImportTaskInput } from '../activities';",
    );
    assert.deepEqual(errors, []);
  });
});
