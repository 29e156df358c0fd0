// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

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

const BUILTIN_NAMES = builtinModules.filter((name) => !name.startsWith('_')).join('|');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const SANDBOX_PATHS = builtinModules.map((name) => ({
  name,
  message: 'This code runs in the workflow sandbox: Node built-ins are not available.',
}));
const NODE_ONLY_BUILTINS = {
  regex: '^node:',
  message: 'This code runs in the workflow sandbox: Node built-ins are not available.',
};
/** Any package but `allowed` (relative imports and Node built-ins are matched by their own patterns). */
const packagesExcept = (allowed, message) => ({
  regex: `^(?!\\.|node:|(${BUILTIN_NAMES})(/|$)|(${allowed.map(escape).join('|')})(/|$))`,
  message,
});
/** A relative import that leaves the folder, except towards `allowed` folders of the repository. */
const leavingExcept = (allowed, message) => ({
  regex: `^\\.\\.(/|$)${allowed.length ? `(?!(${allowed.map(escape).join('|')})(/|$))` : ''}|/\\.\\.(/|$)`,
  message,
});
const BELOW_ONLY = 'A layer imports only the layers below it (README, "Layers").';

/** One `no-restricted-imports` per folder: ESLint keeps only the last matching block's options. */
function restrict(files, { paths = [], patterns }) {
  return { files, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}
const layer = (files, upper, extraPatterns = []) =>
  restrict(files, { patterns: [...extraPatterns, { group: upper, message: BELOW_ONLY }] });

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
  // The workflow-safe core: its own files and @temporalio/common, nothing else.
  restrict(['src/model/**/*.ts'], {
    paths: SANDBOX_PATHS,
    patterns: [
      NODE_ONLY_BUILTINS,
      packagesExcept(
        ['@temporalio/common'],
        'The model is pure (no I/O, no workflow APIs): it imports only its own files and @temporalio/common.',
      ),
      leavingExcept([], `${BELOW_ONLY} The model is the bottom layer.`),
    ],
  }),
  // Workflows: the model, @temporalio/workflow and @temporalio/common; activities as types only.
  restrict(['workflows/**/*.ts'], {
    paths: SANDBOX_PATHS,
    patterns: [
      NODE_ONLY_BUILTINS,
      packagesExcept(
        ['@temporalio/workflow', '@temporalio/common'],
        'Workflow code runs in the sandbox and must not do I/O: use activities.',
      ),
      {
        group: folder('activities'),
        allowTypeImports: true,
        message: 'Import activities into workflows as types only (`import type`), and proxy them.',
      },
      leavingExcept(['src/model', 'activities'], BELOW_ONLY),
    ],
  }),
  layer(['src/neptune/**/*.ts'], UPPER_LAYERS.neptune, [
    { group: ['@temporalio/*'], message: 'The Neptune side knows nothing of Temporal.' },
  ]),
  layer(['activities/**/*.ts'], UPPER_LAYERS.activities),
  layer(['src/temporal/**/*.ts'], UPPER_LAYERS.temporal),
  layer(['src/testing/**/*.ts'], UPPER_LAYERS.testing),
  // The Node entry point: everything but the test kit and the command line.
  layer(['src/index.ts'], folder('testing', 'cli')),
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Plain CommonJS run by Node in the worker image (deploy/): linted without type information.
  {
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { require: 'readonly', console: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
