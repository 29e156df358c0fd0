import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  it('the command, `.` and `./workflows` load without the optional @temporalio/testing', () => {
    // A user who did not install the optional peer: resolving it fails, as it would for them.
    const preload = join(mkdtempSync(join(tmpdir(), 'no-testing-')), 'no-temporal-testing.js');
    writeFileSync(
      preload,
      `const Module = require('node:module');
       const resolve = Module._resolveFilename;
       Module._resolveFilename = function (request, ...rest) {
         if (request === '@temporalio/testing' || request.startsWith('@temporalio/testing/')) {
           throw Object.assign(new Error('Cannot find module ' + request), { code: 'MODULE_NOT_FOUND' });
         }
         return resolve.call(this, request, ...rest);
       };`,
    );
    const node = (...args: string[]) =>
      execFileSync(process.execPath, ['--require', preload, ...args], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    const loaded = node(
      '-e',
      "require('temporal-neptune-import'); require('temporal-neptune-import/workflows'); console.log('loaded')",
    );
    assert.equal(loaded.trim(), 'loaded');
    assert.match(node(join(root, 'dist', 'src', 'cli', 'main.js'), '--help'), /dev-server/);
    assert.throws(
      () => node('-e', "require('@temporalio/testing')"),
      /Cannot find module/,
      'the block works',
    );
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

  it('the packed files hold every entry point, the command, and no build output of deleted sources', () => {
    // --ignore-scripts: list what `npm pack` takes from the tree `npm test` just built, without rebuilding it.
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
        cwd: root,
        encoding: 'utf8',
      }),
    ) as [{ files: { path: string }[] }];
    const files = new Set(packed.files.map(({ path }) => path));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, string | { types: string; default: string }>;
      bin: Record<string, string>;
    };
    for (const target of Object.values(pkg.exports)) {
      for (const path of typeof target === 'string' ? [target] : [target.types, target.default]) {
        assert.ok(files.has(path.replace(/^\.\//, '')), `${path} is packed`);
      }
    }
    assert.ok(files.has(pkg.bin['neptune-import']!), 'the command is packed');
    const stale = [...files].filter(
      (path) =>
        path.startsWith('dist/') &&
        path.endsWith('.js') &&
        !files.has(path.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
    );
    assert.deepEqual(stale, [], 'every built file has its source');
  });
});
