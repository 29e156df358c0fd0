/**
 * Recorded workflow histories on disk, for the replay test: one folder per recording, named by a label
 * (the package version by default), each with its histories and a `workflow-ids.json`. A recording only
 * ever adds a folder: histories of older code stay, so running workflows of every recorded version keep
 * being replayed against today's code.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

type History = temporal.api.history.v1.IHistory;

export interface RecordedHistory {
  /** `<label>/<file>`, e.g. `0.1.0/await-succeeded.history.pb`. */
  name: string;
  workflowId: string;
  history: temporal.api.history.v1.History;
}

/**
 * A new recording folder under `root`; refuses a label that was recorded before. It is written under a
 * hidden name and takes its label only in `finish()`, so a recording that fails half-way leaves no folder
 * the replay test would trip over (and `abandon()` removes what it wrote).
 */
export function createHistoryRecording(root: string, label: string) {
  if (!/^[\w.-]+$/.test(label))
    throw new Error(`A history label is a folder name, got ${JSON.stringify(label)}`);
  const dir = join(root, label);
  if (existsSync(dir)) {
    throw new Error(`Histories labelled ${label} exist already in ${dir}: record under a new label`);
  }
  const draft = join(root, `.${label}.recording`);
  rmSync(draft, { recursive: true, force: true });
  mkdirSync(draft, { recursive: true });
  const workflowIds: Record<string, string> = {};
  return {
    dir,
    /** Binary protobuf: the SDK's historyToJSON trips over two protobufjs copies in this dependency tree. */
    save(file: string, workflowId: string, history: History): void {
      writeFileSync(join(draft, file), temporal.api.history.v1.History.encode(history).finish());
      // Replay needs the real workflow id: a pipeline derives its children's ids from it.
      workflowIds[file] = workflowId;
    },
    finish(): void {
      writeFileSync(join(draft, 'workflow-ids.json'), `${JSON.stringify(workflowIds, null, 2)}\n`);
      renameSync(draft, dir);
    },
    abandon(): void {
      rmSync(draft, { recursive: true, force: true });
    },
  };
}

export type HistoryRecording = ReturnType<typeof createHistoryRecording>;

/** Every recorded history under `root`, oldest label first. */
export function loadRecordedHistories(root: string): RecordedHistory[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .flatMap((label) => {
      const dir = join(root, label);
      const ids = JSON.parse(readFileSync(join(dir, 'workflow-ids.json'), 'utf8')) as Record<string, string>;
      return readdirSync(dir)
        .filter((file) => file.endsWith('.history.pb'))
        .sort()
        .map((file) => {
          const workflowId = ids[file];
          if (!workflowId) throw new Error(`${label}/${file} is not listed in its workflow-ids.json`);
          const history = temporal.api.history.v1.History.decode(readFileSync(join(dir, file)));
          return { name: `${label}/${file}`, workflowId, history };
        });
    });
}
