import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activityStepOptions,
  DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT,
  UNREGISTERED_ACTIVITY_FAILURE_TYPE,
} from '../../src/model/pipeline-step-options';

describe('activityStepOptions', () => {
  it('schedules under the step id, bounded by default where nothing would serve the step', () => {
    const options = activityStepOptions({ activityType: 'refresh' }, 'p/refresh', 'refresh');
    assert.equal(options.activityId, 'p/refresh');
    assert.equal(options.summary, 'Pipeline step refresh');
    assert.equal(options.startToCloseTimeout, '10 minutes');
    assert.equal(options.scheduleToStartTimeout, DEFAULT_STEP_SCHEDULE_TO_START_TIMEOUT);
    assert.deepEqual(options.retry, { nonRetryableErrorTypes: [UNREGISTERED_ACTIVITY_FAILURE_TYPE] });
    assert.equal('taskQueue' in options, false);
  });

  it("keeps the step's own options and retry policy, adding the unregistered type to its list once", () => {
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
    );
    assert.equal(options.taskQueue, 'search');
    assert.equal(options.scheduleToStartTimeout, '2 hours');
    assert.equal(options.heartbeatTimeout, '30s');
    assert.deepEqual(options.retry, {
      maximumAttempts: 3,
      nonRetryableErrorTypes: ['BadIndex', UNREGISTERED_ACTIVITY_FAILURE_TYPE],
    });
    const already = activityStepOptions(
      { activityType: 'a', retry: { nonRetryableErrorTypes: [UNREGISTERED_ACTIVITY_FAILURE_TYPE] } },
      'p/a',
      'a',
    );
    assert.deepEqual(already.retry?.nonRetryableErrorTypes, [UNREGISTERED_ACTIVITY_FAILURE_TYPE]);
  });
});
