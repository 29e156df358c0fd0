import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { PipelineStepContext, ImportTaskPipelineResult } from '../../model/pipeline-types';
import { createNeptuneGraphClient } from '../../neptune/create-client';
import { createNeptuneImportWorker } from '../../temporal/worker';
import { startDevServer, type DevServer } from '../../testing/dev-server/start-dev-server';
import { NeptuneEmulator } from '../../testing/emulator';
import type { Scenario } from '../../testing/emulator/scenario';
import type { Command } from 'commander';
import { finish, processOutput, subcommand } from '../command-kit';
import { ExitCode } from '../exit-codes';
import { follow, waitStatusOf } from '../follow';
import { reportPipelineOutcome } from '../outcome';
import { createProgressView, type Output } from '../progress-view';
import { connectConfig } from '../temporal-connection';

/**
 * The demo import, at real speed: about 45 s through INITIALIZING, ANALYZING_DATA and IMPORTING, with the
 * service throttling two GetImportTask calls half-way (Temporal retries them; the Web UI shows the
 * pending activity's attempts).
 */
export const DEMO_SCENARIO: Scenario = {
  description: 'neptune-import demo: a 45-second import that meets a throttling burst',
  timeScale: 1,
  defaultTimeline: 'succeeds',
  defaultDurationSeconds: 45,
  faults: [
    { operation: 'GetImportTask', kind: 'ThrottlingException', window: { fromSeconds: 15 }, count: 2 },
  ],
};

const DEMO_TASK_QUEUE = 'neptune-import-demo';
const DEMO_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-does-not-check' };

export interface DemoFlags {
  keep?: boolean;
  graph: string;
  source: string;
  roleArn: string;
}

/** The downstream step of the demo's pipeline: what a data team would run once the graph is loaded. */
async function refreshSearchIndex(context: PipelineStepContext, index: string): Promise<string> {
  return `search index ${index} refreshed from ${context.task.graphId} after import ${context.task.taskId}`;
}

/**
 * `neptune-import demo` (`npm run demo`): the whole lifecycle on one machine. Without TEMPORAL_ADDRESS it
 * starts the Temporal dev server with its Web UI and the Neptune Analytics emulator; with it, it uses that
 * server and the standard AWS configuration (AWS_ENDPOINT_URL_NEPTUNE_GRAPH points it at an emulator).
 * An in-process worker runs an importTaskPipeline that starts the import, waits with a progress bar, then
 * runs one downstream step. Everything it started stops at the end, unless --keep.
 */
export async function demoCommand(flags: DemoFlags, output: Output): Promise<ExitCode> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const say = (line: string) => output.stdout.write(`${line}\n`);
  const external = process.env['TEMPORAL_ADDRESS'] !== undefined;
  const stops: (() => Promise<void>)[] = [];
  try {
    let address: string;
    let uiUrl: string | undefined;
    let server: DevServer | undefined;
    if (external) {
      address = connectConfig().address;
      say(`Temporal: ${address} (TEMPORAL_ADDRESS)`);
    } else {
      server = await startDevServer({ ui: true, log: say });
      stops.push(() => server!.stop());
      address = server.address;
      uiUrl = server.uiUrl;
      say(`Temporal dev server: ${address}; Web UI ${uiUrl}`);
    }
    let emulator: NeptuneEmulator | undefined;
    if (!external) {
      emulator = await NeptuneEmulator.start({ port: 0, scenario: DEMO_SCENARIO });
      stops.push(() => emulator!.close());
      say(`Neptune Analytics emulator: ${emulator.endpoint} (a 45 s import, throttled twice half-way)`);
    }
    const neptune = emulator
      ? createNeptuneGraphClient({
          endpoint: emulator.endpoint,
          region: 'us-east-1',
          credentials: DEMO_CREDENTIALS,
        })
      : createNeptuneGraphClient();

    const { connectionOptions, namespace } = connectConfig();
    const connection = await Connection.connect(external ? connectionOptions : { address });
    stops.push(() => connection.close());
    const client = new Client({ connection, namespace: external ? namespace : 'default' });
    const workerConnection = await NativeConnection.connect(external ? connectionOptions : { address });
    stops.push(() => workerConnection.close());
    const worker = await createNeptuneImportWorker({
      connection: workerConnection,
      namespace: external ? namespace : 'default',
      taskQueue: DEMO_TASK_QUEUE,
      neptune: { client: neptune },
      activities: { refreshSearchIndex },
    });
    let workerError: Error | undefined;
    const running = worker.run().catch((error: unknown) => {
      workerError = error instanceof Error ? error : new Error(String(error));
    });
    // The worker stops only at the end: stopping before means it failed, and following would never end.
    const workerStopped = running.then(() => {
      throw workerError ?? new Error('The demo worker stopped');
    });
    stops.push(async () => {
      worker.shutdown();
      await running;
    });
    say(`Worker on task queue ${DEMO_TASK_QUEUE}`);

    const workflowId = `neptune-import-demo-${new Date().toISOString().replace(/[-:]|\.\d+/g, '')}`;
    const handle = await client.workflow.start('importTaskPipeline', {
      taskQueue: DEMO_TASK_QUEUE,
      workflowId,
      staticSummary: 'neptune-import demo: import, wait, refresh the search index',
      args: [
        {
          start: {
            graphIdentifier: flags.graph,
            source: flags.source,
            roleArn: flags.roleArn,
            format: 'CSV',
          },
          await: {},
          onSucceeded: [
            { name: 'refresh-search-index', activityType: 'refreshSearchIndex', args: ['movies'] },
          ],
        },
      ],
    });
    say(`Started pipeline ${workflowId}: StartImportTask into ${flags.graph}, then refresh-search-index`);
    if (uiUrl) say(`Web UI: ${uiUrl}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`);
    const view = createProgressView({ label: flags.graph, json: false, output });
    const followed = await Promise.race([
      follow<ImportTaskPipelineResult>(
        handle,
        waitStatusOf(client.workflow.getHandle(`${workflowId}/await`)),
        view,
        1000,
      ),
      workerStopped,
    ]);
    const reported = reportPipelineOutcome(followed, { label: workflowId, json: false, output });
    if (!('result' in followed)) return reported;
    if (emulator) {
      const throttled = emulator.requests.filter((r) => r.errorType === 'ThrottlingException').length;
      say(
        `The emulator throttled ${throttled} GetImportTask calls; Temporal retried them (see the wait's activities).`,
      );
    }
    if (flags.keep && server) {
      say(`--keep: the dev server and its Web UI stay up at ${uiUrl}; Ctrl-C to stop.`);
      await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    }
    return ExitCode.OK;
  } finally {
    // What started last stops first: the worker, its connections, the emulator, the server.
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

/** `demo` (`npm run demo`). */
export function registerDemo(program: Command): void {
  finish(
    subcommand(
      program,
      'demo',
      'The whole lifecycle on one machine: Temporal with its Web UI, the emulator, a worker, a pipeline',
      'neptune-import demo --keep',
    )
      .option('--keep', 'leave the dev server and its Web UI running at the end, for a look')
      .option('--graph <id>', 'the graph to import into', 'g-demomovies')
      .option('--source <uri>', 'the data to import', 's3://neptune-import-demo/movies/')
      .option(
        '--role-arn <arn>',
        'the role the service assumes',
        'arn:aws:iam::123456789012:role/NeptuneImportDemo',
      ),
  ).action(async (flags: DemoFlags) => {
    process.exitCode = await demoCommand(flags, processOutput);
  });
}
