import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type * as Testing from '../../src/testing';

/**
 * The package as users get it: its name resolves through package.json `exports` to the built files
 * (`npm test` builds first), and its command runs from `bin`.
 */
const root = join(__dirname, '..', '..');

describe('package exports', () => {
  it("'./testing' starts the emulator in process", async () => {
    const { NeptuneEmulator } = (await import('temporal-neptune-import/testing')) as typeof Testing;
    const emulator = await NeptuneEmulator.start({ port: 0 });
    try {
      assert.match(emulator.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await emulator.close();
    }
  });

  it('the neptune-import command answers --help from its bin entry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    const bin = pkg.bin['neptune-import']!;
    const help = execFileSync(process.execPath, [join(root, bin), '--help'], { encoding: 'utf8' });
    for (const command of ['emulator', 'dev-server', 'worker', 'wait'])
      assert.match(help, new RegExp(`\\b${command}\\b`));
  });

  it('what the built files import is declared: the Temporal SDK as peer dependencies, the rest as dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
    };
    const imported = new Set<string>();
    const scan = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) scan(path);
        else if (entry.name.endsWith('.js')) {
          for (const [, spec] of readFileSync(path, 'utf8').matchAll(/require\("([^".][^"]*)"\)/g)) {
            const parts = spec!.split('/');
            imported.add(spec!.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!);
          }
        }
      }
    };
    scan(join(root, 'dist', 'src'));
    scan(join(root, 'dist', 'activities'));
    scan(join(root, 'dist', 'workflows'));
    const packages = [...imported].filter(
      (name) => !builtinModules.includes(name.replace(/^node:/, '')) && name !== 'temporal-neptune-import',
    );
    assert.ok(
      packages.includes('@temporalio/workflow') && packages.includes('@aws-sdk/client-neptune-graph'),
    );
    for (const name of packages) {
      if (name.startsWith('@temporalio/')) {
        assert.match(pkg.peerDependencies[name] ?? '', /^\^1\./, `${name} is a peer dependency`);
        assert.equal(pkg.dependencies[name], undefined, `${name} is not a dependency of its own`);
      } else {
        assert.ok(pkg.dependencies[name], `${name} is a dependency`);
      }
    }
  });
});
