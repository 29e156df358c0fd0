import { bundleWorkflowCode, Runtime, Worker, type WorkerOptions } from '@temporalio/worker';
import type { Logger } from '@temporalio/common';
import { createNeptuneImportActivities, type NeptuneImportActivitiesOptions } from '../../activities';

/** The workflows file the worker bundles: `temporal-neptune-import/workflows`. */
export const workflowsPath = require.resolve('../../workflows');

/** Options of `createNeptuneImportWorker`: the SDK's worker options, plus how to reach Neptune. */
export interface NeptuneImportWorkerOptions extends Omit<WorkerOptions, 'activities'> {
  /** How the activities reach Neptune Analytics (a client, or settings to build one). */
  neptune?: NeptuneImportActivitiesOptions;
  /** Further activities to register beside this library's own (for pipeline steps, for example). */
  activities?: object;
}

/**
 * Webpack's progress lines go to the runtime's logger at INFO in the SDK's own bundling; a worker's log is for
 * its workflows. Warnings and errors still get through.
 */
function quietBundlerLogger(logger: Logger): Logger {
  return {
    log: (level, message, meta) => {
      if (level === 'WARN' || level === 'ERROR') logger.log(level, message, meta);
    },
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: (message, meta) => {
      logger.warn(message, meta);
    },
    error: (message, meta) => {
      logger.error(message, meta);
    },
  };
}

/**
 * A worker running this library's workflows and activities. Without `workflowBundle` it bundles
 * `workflowsPath` (this package's workflows by default) itself, keeping webpack's output out of the log;
 * when plugins (of the worker or of its connection) may change the bundle, the SDK bundles as usual.
 */
export async function createNeptuneImportWorker(options: NeptuneImportWorkerOptions): Promise<Worker> {
  const { neptune, activities, workflowBundle, workflowsPath: path, ...workerOptions } = options;
  const pluginsMayBundle =
    (workerOptions.plugins?.length ?? 0) > 0 || (workerOptions.connection?.plugins.length ?? 0) > 0;
  let workflows: Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath'>;
  let rest: Omit<WorkerOptions, 'activities'> = workerOptions;
  if (workflowBundle) workflows = { workflowBundle };
  else if (pluginsMayBundle) workflows = { workflowsPath: path ?? workflowsPath };
  else {
    workflows = { workflowBundle: await bundleQuietly(path ?? workflowsPath, workerOptions) };
    // Applied to the bundle above: the SDK would warn that it ignores them next to a bundle.
    const { bundlerOptions: _bundled, ...others } = workerOptions;
    rest = {
      ...others,
      ...(others.interceptors && {
        interceptors: { ...others.interceptors, workflowModules: undefined },
      }),
    };
  }
  return Worker.create({
    ...rest,
    ...workflows,
    activities: { ...activities, ...createNeptuneImportActivities(neptune) },
  });
}

/** What the SDK's own bundling would build from these options, without webpack's output in the log. */
function bundleQuietly(path: string, options: Omit<WorkerOptions, 'activities'>) {
  const { interceptors, dataConverter, bundlerOptions } = options;
  return bundleWorkflowCode({
    workflowsPath: path,
    logger: quietBundlerLogger(Runtime.instance().logger),
    ...(interceptors?.workflowModules && { workflowInterceptorModules: interceptors.workflowModules }),
    ...(dataConverter?.payloadConverterPath && { payloadConverterPath: dataConverter.payloadConverterPath }),
    ...(dataConverter?.failureConverterPath && { failureConverterPath: dataConverter.failureConverterPath }),
    ...(bundlerOptions?.webpackConfigHook && { webpackConfigHook: bundlerOptions.webpackConfigHook }),
    ...(bundlerOptions?.ignoreModules && { ignoreModules: bundlerOptions.ignoreModules }),
    ...(bundlerOptions?.preloadModules && { preloadModules: bundlerOptions.preloadModules }),
  });
}
