import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  locateTemporalCli,
  temporalCliCacheDir,
  TemporalCliNotFoundError,
} from '../../../src/testing/dev-server/locate-temporal-cli';

const scratch = mkdtempSync(join(tmpdir(), 'locate-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function executable(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\necho fake\n');
  chmodSync(path, 0o755);
  return path;
}

/** An environment with nothing in it but what the test puts there. */
function env(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { HOME: join(scratch, 'home'), PATH: join(scratch, 'empty-path'), ...extra };
}

const quiet = { log: () => undefined };

describe('locateTemporalCli, in its documented order', () => {
  it('TEMPORAL_CLI_PATH first, even when temporal is on PATH', async () => {
    const explicit = executable(join(scratch, 'explicit'), 'my-temporal');
    const onPath = join(scratch, 'bin1');
    executable(onPath, 'temporal');
    const found = await locateTemporalCli({
      ...quiet,
      env: env({ TEMPORAL_CLI_PATH: explicit, PATH: onPath }),
    });
    assert.deepEqual(found, { path: explicit, source: 'TEMPORAL_CLI_PATH' });
  });

  it('a TEMPORAL_CLI_PATH that is not executable is an error, not a fallback', async () => {
    await assert.rejects(
      locateTemporalCli({ ...quiet, env: env({ TEMPORAL_CLI_PATH: join(scratch, 'missing') }) }),
      TemporalCliNotFoundError,
    );
  });

  it('then temporal on PATH', async () => {
    const onPath = join(scratch, 'bin2');
    const path = executable(onPath, 'temporal');
    assert.deepEqual(await locateTemporalCli({ ...quiet, env: env({ PATH: onPath }) }), {
      path,
      source: 'PATH',
    });
  });

  it('then the per-user cache, outside any checkout', async () => {
    const cacheHome = join(scratch, 'xdg');
    const environment = env({ XDG_CACHE_HOME: cacheHome });
    const dir = temporalCliCacheDir(environment);
    assert.match(dir, /xdg\/temporal-neptune-import\/temporal-cli-v1\.5\.1$/);
    const path = executable(dir, 'temporal');
    assert.deepEqual(await locateTemporalCli({ ...quiet, env: environment }), { path, source: 'cache' });
  });

  it('without a binary and without Go, nothing: the caller falls back to a download', async () => {
    assert.equal(
      await locateTemporalCli({ ...quiet, env: env({ XDG_CACHE_HOME: join(scratch, 'empty-cache') }) }),
      undefined,
    );
  });

  it('with Go on PATH, builds into the cache with go install and says how long it took', async () => {
    // A stand-in `go` that "installs" by writing GOBIN/temporal, so the real build's logic runs end to end.
    const goDir = join(scratch, 'go-bin');
    mkdirSync(goDir, { recursive: true });
    writeFileSync(
      join(goDir, 'go'),
      '#!/bin/sh\n[ "$1" = install ] && printf "#!/bin/sh\\n" > "$GOBIN/temporal" && /bin/chmod +x "$GOBIN/temporal"\n',
    );
    chmodSync(join(goDir, 'go'), 0o755);
    const lines: string[] = [];
    const environment = env({ PATH: goDir, XDG_CACHE_HOME: join(scratch, 'build-cache') });
    const found = await locateTemporalCli({ env: environment, log: (line) => lines.push(line) });
    assert.deepEqual(found, { path: join(temporalCliCacheDir(environment), 'temporal'), source: 'go-build' });
    assert.match(lines[0] ?? '', /go install github\.com\/temporalio\/cli\/cmd\/temporal@v1\.5\.1/);
    assert.match(lines[1] ?? '', /^Built the Temporal CLI in \d+ s/);
  });
});
