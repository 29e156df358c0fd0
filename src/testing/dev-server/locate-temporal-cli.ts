import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The newest Temporal CLI tag that `go install pkg@version` accepts: from v1.6.0 on, the module's go.mod
 * has a `replace` directive, which `go install` refuses. It embeds Temporal server 1.29.1.
 */
export const TEMPORAL_CLI_GO_VERSION = 'v1.5.1';
const TEMPORAL_CLI_GO_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';

export type TemporalCliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go-build' | 'download';

/** Where the Temporal CLI was found, and by which rule. */
export interface TemporalCliLocation {
  path: string;
  source: TemporalCliSource;
}

/** No Temporal CLI could be found, built or downloaded; the message says what to provide. */
export class TemporalCliNotFoundError extends Error {
  override readonly name = 'TemporalCliNotFoundError';
}

export interface LocateTemporalCliOptions {
  env?: NodeJS.ProcessEnv;
  /** Where progress of a Go build is reported. */
  log?: (line: string) => void;
  /** Build with Go when no binary is found (default true). */
  build?: boolean;
}

/** A per-user cache outside any checkout, so that every clone and CI run on a machine reuses one build. */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(cacheHome, 'temporal-neptune-import', `temporal-cli-${TEMPORAL_CLI_GO_VERSION}`);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(command: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/**
 * Finds a Temporal CLI binary, in this order: `TEMPORAL_CLI_PATH`; `temporal` on PATH; the per-user cache;
 * a build with Go into that cache. Returns undefined when none of these is possible, so that the caller can
 * fall back to `@temporalio/testing`'s own download (machines with internet access).
 */
export async function locateTemporalCli(
  options: LocateTemporalCliOptions = {},
): Promise<TemporalCliLocation | undefined> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.error(line));

  const explicit = env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) {
      throw new TemporalCliNotFoundError(
        `TEMPORAL_CLI_PATH is set to ${explicit}, which is not an executable file`,
      );
    }
    return { path: explicit, source: 'TEMPORAL_CLI_PATH' };
  }
  const onPath = findOnPath('temporal', env);
  if (onPath) return { path: onPath, source: 'PATH' };

  const cacheDir = temporalCliCacheDir(env);
  const cached = join(cacheDir, 'temporal');
  if (isExecutable(cached)) return { path: cached, source: 'cache' };

  const go = findOnPath('go', env);
  if (!go || options.build === false) return undefined;
  await buildWithGo(go, cacheDir, env, log);
  return { path: cached, source: 'go-build' };
}

async function buildWithGo(
  go: string,
  cacheDir: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
) {
  mkdirSync(cacheDir, { recursive: true });
  // Build into a private directory and rename: two test runs building at once never see half a binary.
  const staging = mkdtempSync(join(cacheDir, '.build-'));
  const target = `${TEMPORAL_CLI_GO_PACKAGE}@${TEMPORAL_CLI_GO_VERSION}`;
  log(
    `Building the Temporal CLI ${TEMPORAL_CLI_GO_VERSION} with Go (one time per machine, about 2.5 minutes):\n` +
      `  GOBIN=${staging} ${go} install ${target}`,
  );
  const started = Date.now();
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(go, ['install', target], {
        env: { ...env, GOBIN: staging },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) {
      throw new TemporalCliNotFoundError(
        `go install ${target} exited with code ${String(code)}; set TEMPORAL_CLI_PATH to a Temporal CLI binary instead`,
      );
    }
    renameSync(join(staging, 'temporal'), join(cacheDir, 'temporal'));
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(
    `Built the Temporal CLI in ${((Date.now() - started) / 1000).toFixed(0)} s: ${join(cacheDir, 'temporal')}`,
  );
}

/** `temporal --version`, for logs: which server the tests really ran against. */
export function temporalCliVersion(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return (result.stdout || result.stderr || '').trim();
}
