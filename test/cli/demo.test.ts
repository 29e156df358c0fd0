import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';

const root = join(__dirname, '..', '..');

it('`neptune-import demo` runs the whole lifecycle on its own and exits 0', async () => {
  // As a new user runs it: no Temporal address, so it starts the dev server, the emulator and a worker.
  const { TEMPORAL_ADDRESS: _address, ...env } = process.env;
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
    (resolve) =>
      execFile(
        process.execPath,
        [join(root, 'dist', 'src', 'cli', 'main.js'), 'demo'],
        { cwd: root, env },
        (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: out, stderr: err }),
      ),
  );
  assert.equal(code, 0, `${stdout}\n${stderr}`);
  assert.match(stdout, /^Temporal dev server: 127\.0\.0\.1:\d+; Web UI http:\/\/127\.0\.0\.1:\d+$/m);
  assert.match(
    stdout,
    /^Web UI: http:\/\/127\.0\.0\.1:\d+\/namespaces\/default\/workflows\/neptune-import-demo-\d{8}T\d{6}Z$/m,
  );
  assert.match(stdout, /^t-[a-z0-9]{10}: SUCCEEDED after .+ \(\d+ polls, 1 run\)$/m);
  assert.match(
    stdout,
    /^AWS console: https:\/\/console\.aws\.amazon\.com\/neptune\/home\?region=us-east-1#/m,
  );
  assert.match(
    stdout,
    /^step refresh-search-index: completed → "search index movies refreshed from g-demomovies/m,
  );
  assert.match(stdout, /^The emulator throttled 2 GetImportTask calls; Temporal retried them/m);
});
