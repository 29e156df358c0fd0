/**
 * The test run's global setup: one real Temporal dev server and one workflow bundle for all test files,
 * then Node's test runner over every `test/**\/*.test.ts`, then the server is stopped whatever happened.
 *
 *   npm test                      # build, typecheck, lint, then this
 *   tsx scripts/run-tests.ts test/model   # only the files under a path
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startDevServer } from '../src/testing/dev-server/start-dev-server';
import { temporalCliVersion } from '../src/testing/dev-server/locate-temporal-cli';
import { WORKFLOW_BUNDLE_ENV, TEMPORAL_ADDRESS_ENV } from '../test/helpers/environment';

const root = resolve(__dirname, '..');

function testFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = join(path, name);
      if (statSync(child).isDirectory()) return name === 'fixtures' ? [] : testFiles(child);
      return name.endsWith('.test.ts') ? [child] : [];
    });
}

async function main(): Promise<number> {
  const roots = process.argv.slice(2);
  const files = (roots.length ? roots : ['test']).flatMap((path) => testFiles(resolve(root, path)));
  const scratch = mkdtempSync(join(tmpdir(), 'neptune-import-tests-'));
  const server = await startDevServer({ log: (line) => console.log(line) });
  try {
    console.log(
      `Temporal dev server on ${server.address} (${server.cli.source}: ${temporalCliVersion(server.cli.path)})`,
    );
    const bundleStarted = Date.now();
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../test/helpers/test-workflows'),
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    });
    const bundlePath = join(scratch, 'workflow-bundle.js');
    writeFileSync(bundlePath, bundle.code);
    console.log(`Workflow bundle built in ${Date.now() - bundleStarted} ms`);

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-concurrency=2',
        // A hung test fails after this long instead of holding CI until its limit.
        '--test-timeout=180000',
        ...files.map((file) => relative(root, file)),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, [TEMPORAL_ADDRESS_ENV]: server.address, [WORKFLOW_BUNDLE_ENV]: bundlePath },
      },
    );
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', stop).once('SIGTERM', stop);
    return await new Promise<number>((resolveExit) =>
      child.once('exit', (code, signal) => resolveExit(code ?? (signal ? 1 : 0))),
    );
  } finally {
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
