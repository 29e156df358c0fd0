/** Set by scripts/run-tests.ts for every test file: the shared dev server and the prebuilt workflow bundle. */
export const TEMPORAL_ADDRESS_ENV = 'NEPTUNE_IMPORT_TEST_TEMPORAL_ADDRESS';
export const WORKFLOW_BUNDLE_ENV = 'NEPTUNE_IMPORT_TEST_WORKFLOW_BUNDLE';
