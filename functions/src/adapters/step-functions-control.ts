import { createHash } from 'node:crypto';
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { AreaWorkflowControl } from '@pip/domain';

/** Execution names allow 80 letters, digits, hyphens and underscores; a long area id keeps a hash of the rest. */
export function executionName(areaId: string, attempt?: string): string {
  const name = attempt ? `${areaId}--${attempt.replace(/[^A-Za-z0-9]/gu, '')}` : areaId;
  if (name.length <= 80) return name;
  return `${name.slice(0, 67)}-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
}

/** Step Functions in AWS: the execution is named after the area, which makes it one per area. */
export class StepFunctionsControl implements AreaWorkflowControl {
  private readonly client: SFNClient;

  constructor(
    private readonly stateMachineArn: string,
    region?: string,
    /** Handed the client as it is made, and returns the client to use: the composition root traces it. */
    instrument: <C extends object>(client: C) => C = (client) => client,
  ) {
    this.client = instrument(new SFNClient({ region }));
  }

  start(areaId: string): Promise<void> {
    return this.startNamed(areaId, executionName(areaId));
  }

  restart(areaId: string, attempt: string): Promise<void> {
    return this.startNamed(areaId, executionName(areaId, attempt));
  }

  private async startNamed(areaId: string, name: string): Promise<void> {
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name, input: JSON.stringify({ areaId }) }));
    } catch (error) {
      // The name is taken: this execution was started already, which is all that was asked.
      if ((error as { name?: string }).name === 'ExecutionAlreadyExists') return;
      throw error;
    }
  }

  async continue(token: string): Promise<void> {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    } catch (error) {
      // The execution moved on already (a retried request) or ended: there is nothing to continue.
      if (['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'].includes((error as { name?: string }).name ?? '')) return;
      throw error;
    }
  }
}
