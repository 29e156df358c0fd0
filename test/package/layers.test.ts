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

  it('a model file as it is passes', async () => {
    assert.deepEqual(await importErrors('src/model/durations.ts', ''), []);
  });

  const rejected: [file: string, addedImport: string, why: RegExp][] = [
    ['src/model/durations.ts', "import { readFileSync } from 'node:fs';", /Node built-ins/],
    ['src/model/durations.ts', "import { readFileSync } from 'fs';", /Node built-ins/],
    ['src/model/durations.ts', "import { NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';", /I\/O/],
    ['src/model/durations.ts', "import { sleep } from '@temporalio/workflow';", /pure/],
    ['src/model/durations.ts', "import { classifyNeptuneError } from '../neptune/classify-error';", /below/],
    ['workflows/wait-loop.ts', "import { spawn } from 'node:child_process';", /Node built-ins/],
    [
      'workflows/wait-loop.ts',
      "import { createNeptuneImportActivities } from '../activities';",
      /types only/,
    ],
    ['workflows/wait-loop.ts', "import { Client } from '@temporalio/client';", /I\/O/],
    ['src/neptune/classify-error.ts', "import { ApplicationFailure } from '@temporalio/common';", /Temporal/],
    ['activities/create-activities.ts', "import { workflowsPath } from '../src/temporal/worker';", /below/],
    ['src/temporal/worker.ts', "import { NeptuneEmulator } from '../testing/emulator';", /below/],
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
