import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { RunImportTaskStatus } from '../src/model/run-types';
import type { ImportTaskWaitStatus } from '../src/model/wait-types';

/** `{ task, phase, polls, runs, startedAt, nextPollAt, predictedEndAt }` of a running wait. */
export const statusQuery = defineQuery<ImportTaskWaitStatus>('status');

/** `runImportTask`'s stage, and once started its task, console page and the wait to follow. */
export const runStatusQuery = defineQuery<RunImportTaskStatus>('status');

/** Poll at once, then resume the schedule. */
export const pollNowSignal = defineSignal('pollNow');
