import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { waitDetailsMarkdown } from '../src/model/wait-presentation';
import type { ImportTaskSnapshot } from '../src/model/import-task-snapshot';
import {
  NEPTUNE_GRAPH_ID,
  NEPTUNE_IMPORT_PROGRESS,
  NEPTUNE_IMPORT_STATUS,
  NEPTUNE_IMPORT_TASK_ID,
} from '../src/model/search-attributes';
import { lastSnapshot, type WaitLoopState } from './wait-loop';

export interface WaitView {
  /** Search attributes, upserted only where they changed. */
  observe(task: ImportTaskSnapshot | undefined): void;
  /** The Markdown current details of the Web UI. */
  show(note?: string): void;
}

/**
 * What an operator sees of a wait in the Temporal Web UI: its search attributes, where `enabled` (see
 * `searchAttributesEnabled`), and its current details.
 */
export function createWaitView(taskIdentifier: string, enabled: boolean, state: WaitLoopState): WaitView {
  return {
    observe(task) {
      if (!enabled) return;
      const wanted: SearchAttributeUpdatePair[] = [{ key: NEPTUNE_IMPORT_TASK_ID, value: taskIdentifier }];
      if (task?.graphId) wanted.push({ key: NEPTUNE_GRAPH_ID, value: task.graphId });
      if (task) wanted.push({ key: NEPTUNE_IMPORT_STATUS, value: task.status });
      const progress = task?.details?.progressPercentage;
      if (progress !== undefined) wanted.push({ key: NEPTUNE_IMPORT_PROGRESS, value: Math.round(progress) });
      const current = workflowInfo().typedSearchAttributes;
      const changed = wanted.filter(({ key, value }) => current.get(key) !== value);
      if (changed.length > 0) upsertSearchAttributes(changed);
    },
    show(note) {
      setCurrentDetails(
        waitDetailsMarkdown({
          taskIdentifier,
          task: lastSnapshot(state),
          polls: state.polls,
          runs: state.runs,
          startedAtMs: state.startedAtMs,
          nowMs: Date.now(),
          nextPollAtMs: state.nextPollAtMs,
          nextPollReason: state.nextPollReason,
          predictedEndAtMs: state.predictedEndAtMs,
          note,
        }),
      );
    },
  };
}
