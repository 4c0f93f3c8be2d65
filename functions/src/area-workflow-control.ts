import { createHash } from 'node:crypto';
import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';

/** Starting an area's execution and answering its steps that wait for staff. */
export interface AreaWorkflowControl {
  /** Starts the one execution of this area; starting it again does nothing. */
  start(areaId: string): Promise<void>;
  /** Lets the execution waiting on this token go on. */
  continue(token: string): Promise<void>;
  /**
   * Starts the area's workflow again after its execution failed. `attempt` names the new
   * execution, so asking twice for the same attempt starts one. Steps already done are passed
   * through: each does nothing twice, and staff steps already answered do not wait again.
   */
  restart(areaId: string, attempt: string): Promise<void>;
}

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
  ) {
    this.client = new SFNClient({ region });
  }

  async start(areaId: string): Promise<void> {
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: executionName(areaId), input: JSON.stringify({ areaId }) }));
    } catch (error) {
      if ((error as { name?: string }).name === 'ExecutionAlreadyExists') return;
      throw error;
    }
  }

  async restart(areaId: string, attempt: string): Promise<void> {
    try {
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: executionName(areaId, attempt), input: JSON.stringify({ areaId }) }));
    } catch (error) {
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

let localControl: AreaWorkflowControl | undefined;

/** The local platform runs the workflow in-process and hands its control over here. */
export function useLocalWorkflow(control: AreaWorkflowControl | undefined): void {
  localControl = control;
}

/** Where no workflow runs (the tests that need none), starting and continuing do nothing. */
const noWorkflow: AreaWorkflowControl = { start: async () => undefined, continue: async () => undefined, restart: async () => undefined };

export function areaWorkflowControl(): AreaWorkflowControl {
  if (localControl) return localControl;
  const arn = process.env.STATE_MACHINE_ARN;
  return arn ? new StepFunctionsControl(arn, process.env.AWS_REGION) : noWorkflow;
}
