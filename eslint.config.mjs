// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Import patterns for a folder of this repository, wherever the importing file is. */
const folder = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

/**
 * The layers, bottom up; a layer may import only those below it (README, "Layers"):
 *   src/model      the workflow-safe core: pure, no Node, no AWS SDK, no I/O
 *   src/neptune    the AWS side: client factory, error classification, redaction
 *   activities     the Temporal activities (model + neptune)
 *   workflows      the workflows (model, and activities as types only)
 *   src/temporal   client helpers, worker, plugin
 *   src/testing    the test kit: emulator, dev server, poll simulation
 *   src/cli        the command line
 */
const UPPER_LAYERS = {
  model: folder('neptune', 'activities', 'workflows', 'temporal', 'testing', 'cli'),
  neptune: folder('activities', 'workflows', 'temporal', 'testing', 'cli'),
  activities: folder('workflows', 'temporal', 'testing', 'cli'),
  workflows: folder('neptune', 'temporal', 'testing', 'cli'),
  temporal: folder('testing', 'cli'),
  testing: folder('cli'),
};

const SANDBOX_PATHS = nodeBuiltins.map((name) => ({
  name,
  message: 'This code runs in the workflow sandbox: Node built-ins are not available.',
}));
const NO_IO = {
  group: ['@aws-sdk/*', '@smithy/*', '@temporalio/worker', '@temporalio/client', '@temporalio/activity'],
  message: 'This code runs in the workflow sandbox and must not do I/O: use activities.',
};

/** One `no-restricted-imports` per folder: ESLint keeps only the last matching block's options. */
function layer(files, { upper, sandbox = false, extraPatterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: sandbox ? SANDBOX_PATHS : [],
          patterns: [
            ...(sandbox ? [NO_IO] : []),
            ...extraPatterns,
            { group: upper, message: 'A layer imports only the layers below it (README, "Layers").' },
          ],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/fixtures/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises that the runner itself awaits.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Temporal workflows and activities are async by contract, whether or not their body awaits.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['src/model/**/*.ts'], {
    upper: UPPER_LAYERS.model,
    sandbox: true,
    extraPatterns: [
      {
        group: ['@temporalio/workflow'],
        message: 'The model is pure: Node code imports it too. Workflow APIs belong in workflows/.',
      },
    ],
  }),
  layer(['workflows/**/*.ts'], {
    upper: UPPER_LAYERS.workflows,
    sandbox: true,
    extraPatterns: [
      {
        group: folder('activities'),
        allowTypeImports: true,
        message: 'Import activities into workflows as types only (`import type`), and proxy them.',
      },
    ],
  }),
  layer(['src/neptune/**/*.ts'], {
    upper: UPPER_LAYERS.neptune,
    extraPatterns: [{ group: ['@temporalio/*'], message: 'The Neptune side knows nothing of Temporal.' }],
  }),
  layer(['activities/**/*.ts'], { upper: UPPER_LAYERS.activities }),
  layer(['src/temporal/**/*.ts'], { upper: UPPER_LAYERS.temporal }),
  layer(['src/testing/**/*.ts'], { upper: UPPER_LAYERS.testing }),
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
