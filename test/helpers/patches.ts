import type { temporal } from '@temporalio/proto';
import type { WorkflowHandle } from '@temporalio/client';

/** The patch ids a run recorded (its markers), in order. */
export async function recordedPatches(handle: Pick<WorkflowHandle, 'fetchHistory'>): Promise<string[]> {
  const events: temporal.api.history.v1.IHistoryEvent[] = (await handle.fetchHistory()).events ?? [];
  return events.flatMap((event) => {
    const data = event.markerRecordedEventAttributes?.details?.['patch-data']?.payloads?.[0]?.data;
    return data ? [(JSON.parse(Buffer.from(data).toString()) as { id: string }).id] : [];
  });
}
