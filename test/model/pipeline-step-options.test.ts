import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activityStepOptions,
  DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT,
  UNREGISTERED_ACTIVITY_FAILURE_TYPE,
} from '../../src/model/pipeline-step-options';

const BOUNDED = { bounded: true };

describe('activityStepOptions', () => {
  it('schedules under the step id, bounded by default where nothing would serve the step', () => {
    const options = activityStepOptions({ activityType: 'refresh' }, 'p/refresh', 'refresh', BOUNDED);
    assert.equal(options.activityId, 'p/refresh');
    assert.equal(options.summary, 'Pipeline step refresh');
    assert.equal(options.startToCloseTimeout, '10 minutes');
    assert.equal(options.scheduleToStartTimeout, DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT);
    assert.deepEqual(options.retry, { nonRetryableErrorTypes: [UNREGISTERED_ACTIVITY_FAILURE_TYPE] });
    assert.equal('taskQueue' in options, false);
  });

  it("keeps the step's own options and retry policy; its own non-retryable list is used as it is", () => {
    const options = activityStepOptions(
      {
        activityType: 'refresh',
        taskQueue: 'search',
        scheduleToStartTimeout: '2 hours',
        heartbeatTimeout: '30s',
        retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['BadIndex'] },
      },
      'p/refresh',
      'refresh',
      BOUNDED,
    );
    assert.equal(options.taskQueue, 'search');
    assert.equal(options.scheduleToStartTimeout, '2 hours');
    assert.equal(options.heartbeatTimeout, '30s');
    assert.deepEqual(options.retry, { maximumAttempts: 3, nonRetryableErrorTypes: ['BadIndex'] });
    const ownNotFound = activityStepOptions(
      { activityType: 'a', retry: { nonRetryableErrorTypes: [] } },
      'p/a',
      'a',
      BOUNDED,
    );
    assert.deepEqual(ownNotFound.retry?.nonRetryableErrorTypes, [], 'an empty list retries NotFoundError');
  });

  it('leaves pipelines started before 0.4.0 as they ran: no schedule-to-start, no added type', () => {
    const options = activityStepOptions({ activityType: 'a' }, 'p/a', 'a', { bounded: false });
    assert.equal('scheduleToStartTimeout' in options, false);
    assert.equal('retry' in options, false);
  });
});
