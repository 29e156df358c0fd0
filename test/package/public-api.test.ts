import assert from 'node:assert/strict';
import { join } from 'node:path';
import vm from 'node:vm';
import { before, describe, it } from 'node:test';
import ts from 'typescript';
import { bundleWorkflowCode } from '@temporalio/worker';

/**
 * The public surface, pinned: each entry point's export names (types included, read from the built
 * declarations users get) are listed here, so that widening or narrowing the API is a deliberate diff of this
 * file. Every export carries TSDoc.
 */
const root = join(__dirname, '..', '..');

/** The workflow-safe model: exported by `.` and `./workflows` alike, from src/model/index.ts. */
const MODEL = [
  'AwaitImportTaskCarryOver',
  'AwaitImportTaskInput',
  'AwaitImportTaskResult',
  'BOUNDED_RETRY_FAILURE_TYPES',
  'CreateGraphUsingImportTaskInput',
  'DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT',
  'FailureType',
  'ImportTaskImportOptions',
  'ImportTaskPhase',
  'ImportTaskPipelineInput',
  'ImportTaskPipelineResult',
  'ImportTaskProgress',
  'ImportStartInput',
  'ImportTaskSnapshot',
  'ImportTaskWaitStatus',
  'InvalidInputError',
  'KNOWN_IMPORT_TASK_STATUSES',
  'MAX_DURATION_MS',
  'NEPTUNE_GRAPH_ID',
  'NEPTUNE_IMPORT_METRICS',
  'NEPTUNE_IMPORT_PROGRESS',
  'NEPTUNE_IMPORT_STATUS',
  'NEPTUNE_IMPORT_TASK_ID',
  'NEPTUNE_SEARCH_ATTRIBUTES',
  'NON_RETRYABLE_FAILURE_TYPES',
  'PipelineStep',
  'PipelineStepContext',
  'PipelineStepOutcome',
  'PollingOptions',
  'RECOMMENDED_ACTIVITY_OPTIONS',
  'RunImportTaskInput',
  'RunImportTaskResult',
  'RunImportTaskStatus',
  'StartImportTaskInput',
  'UNREGISTERED_ACTIVITY_FAILURE_TYPE',
  'WAIT_OUTCOMES',
  'WaitFailureType',
  'WaitOutcome',
  'isTerminalPhase',
  'phaseOfStatus',
];

const ENTRIES: Record<string, { declarations: string; names: string[] }> = {
  'temporal-neptune-import': {
    declarations: 'dist/src/index.d.ts',
    names: [
      ...MODEL,
      'CancelImportTaskInput',
      'CancelImportTaskResult',
      'ClassificationContext',
      'DEFAULT_UNKNOWN_ERROR_ATTEMPTS',
      'EnsureSearchAttributesResult',
      'ErrorClassification',
      'GetImportTaskInput',
      'NEPTUNE_IMPORT_HISTOGRAM_BUCKETS',
      'NeptuneClientSettings',
      'NeptuneErrorDetails',
      'NeptuneImportActivities',
      'NeptuneImportActivitiesOptions',
      'NeptuneImportWorkerOptions',
      'StartAwaitImportTaskOptions',
      'StartImportTaskResult',
      'StartRunImportTaskOptions',
      'awaitImportTaskWorkflowId',
      'classifyNeptuneError',
      'createNeptuneGraphClient',
      'createNeptuneImportActivities',
      'createNeptuneImportWorker',
      'ensureSearchAttributes',
      'installMetricsRuntime',
      'neptuneImportPlugin',
      'startAwaitImportTask',
      'startRunImportTask',
      'workflowsPath',
    ],
  },
  'temporal-neptune-import/workflows': {
    declarations: 'dist/workflows/index.d.ts',
    names: [
      ...MODEL,
      'WaitForImportTaskOptions',
      'awaitImportTask',
      'describeImportTask',
      'importTaskPipeline',
      'pollNowSignal',
      'proxyNeptuneImportActivities',
      'runImportTask',
      'runStatusQuery',
      'statusQuery',
      'waitForImportTask',
    ],
  },
  'temporal-neptune-import/testing': {
    declarations: 'dist/src/testing/index.d.ts',
    names: [
      'BuiltInTimelineName',
      'CountSpec',
      'DevServer',
      'DevServerOptions',
      'EmulatedOperation',
      'EmulatorOptions',
      'Fault',
      'FaultKind',
      'FaultWindow',
      'NeptuneEmulator',
      'ProgressCurve',
      'RequestFilter',
      'RequestRecord',
      'Scenario',
      'ScenarioError',
      'ScenarioGraph',
      'ScenarioTask',
      'TemporalCliLocation',
      'TemporalCliNotFoundError',
      'TimelinePhase',
      'TimelineSpec',
      'loadScenarioFile',
      'locateTemporalCli',
      'startDevServer',
      'validateScenario',
    ],
  },
};

interface DeclaredExport {
  name: string;
  documented: boolean;
}

let declared: Record<string, DeclaredExport[]>;

describe('public API', () => {
  before(() => {
    const files = Object.values(ENTRIES).map(({ declarations }) => join(root, declarations));
    const program = ts.createProgram(files, { skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    declared = Object.fromEntries(
      Object.entries(ENTRIES).map(([entry, { declarations }]) => {
        const source = program.getSourceFile(join(root, declarations));
        assert.ok(source, `${declarations} is built`);
        const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).map((symbol) => {
          const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
          const documented = ts.displayPartsToString(target.getDocumentationComment(checker)).trim() !== '';
          return { name: symbol.name, documented };
        });
        return [entry, exports];
      }),
    );
  });

  for (const [entry, { names }] of Object.entries(ENTRIES)) {
    it(`${entry} exports exactly the pinned names`, () => {
      assert.deepEqual(declared[entry]!.map(({ name }) => name).sort(), [...names].sort());
    });

    it(`${entry}: every export has TSDoc`, () => {
      const undocumented = declared[entry]!.filter(({ documented }) => !documented).map(({ name }) => name);
      assert.deepEqual(undocumented, []);
    });

    it(`${entry}: every value the module has at run time is a pinned name`, async () => {
      const module = (await import(entry)) as Record<string, unknown>;
      const unpinned = Object.keys(module).filter((name) => name !== 'default' && !names.includes(name));
      assert.deepEqual(unpinned, []);
    });
  }

  it('the workflow bundle of ./workflows exports the same values as the module', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('temporal-neptune-import/workflows'),
      logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} },
    });
    // Loaded as the worker loads it: a fresh context that the bundle fills with its workflows.
    const context = vm.createContext({ __webpack_module_cache__: {} }) as {
      __TEMPORAL__?: { importWorkflows(): Record<string, unknown> };
    };
    vm.runInContext(bundle.code, context);
    const bundled = Object.keys(context.__TEMPORAL__!.importWorkflows()).sort();
    const module = (await import('temporal-neptune-import/workflows')) as Record<string, unknown>;
    assert.deepEqual(bundled, Object.keys(module).sort());
    for (const name of ['awaitImportTask', 'importTaskPipeline', 'waitForImportTask']) {
      assert.ok(bundled.includes(name), name);
    }
  });
});
