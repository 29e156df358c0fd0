import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ImportTaskWaitStatus } from '../src/model/wait-types';

/** `{ task, phase, polls, runs, startedAt, nextPollAt, predictedEndAt }` of a running wait. */
export const statusQuery = defineQuery<ImportTaskWaitStatus>('status');

/** Poll at once, then resume the schedule. */
export const pollNowSignal = defineSignal('pollNow');
