/**
 * The activities of the loops the library is measured against: GetImportTask through the same AWS client,
 * as a hand-written loop would call it, and an activity that does nothing.
 */
import { GetImportTaskCommand, type NeptuneGraphClient } from '@aws-sdk/client-neptune-graph';
import { isTerminalPhase, phaseOfStatus } from '../src/model/status-model';

export interface HandWrittenAnswer {
  status: string;
  terminal: boolean;
  startTime?: string;
  timeElapsedSeconds?: number;
  observedAt: string;
}

export function createLoopActivities(client: NeptuneGraphClient) {
  return {
    async handWrittenGetImportTask(taskIdentifier: string): Promise<HandWrittenAnswer> {
      const answer = await client.send(new GetImportTaskCommand({ taskIdentifier }));
      const status = answer.status ?? '';
      return {
        status,
        terminal: isTerminalPhase(phaseOfStatus(status)),
        ...(answer.importTaskDetails?.startTime && {
          startTime: answer.importTaskDetails.startTime.toISOString(),
        }),
        ...(answer.importTaskDetails?.timeElapsedSeconds !== undefined && {
          timeElapsedSeconds: answer.importTaskDetails.timeElapsedSeconds,
        }),
        observedAt: new Date().toISOString(),
      };
    },
    async noOp(): Promise<void> {},
  };
}

export type LoopActivities = ReturnType<typeof createLoopActivities>;
