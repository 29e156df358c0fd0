/** Set by scripts/run-tests.ts for every test file: the shared dev server and the prebuilt workflow bundle. */
export const TEMPORAL_ADDRESS_ENV = 'NEPTUNE_IMPORT_TEST_TEMPORAL_ADDRESS';
export const WORKFLOW_BUNDLE_ENV = 'NEPTUNE_IMPORT_TEST_WORKFLOW_BUNDLE';

/**
 * Where a test worker finds the test run's workflows: the prebuilt bundle, or, for a file run on its own,
 * the test workflows file (bundled by the worker).
 */
export function testWorkflows(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const bundlePath = process.env[WORKFLOW_BUNDLE_ENV];
  return bundlePath
    ? { workflowBundle: { codePath: bundlePath } }
    : { workflowsPath: require.resolve('./test-workflows') };
}
