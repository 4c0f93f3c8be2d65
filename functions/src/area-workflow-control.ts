import { SFNClient, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';

/** Starting an area's execution and answering its steps that wait for staff. */
export interface AreaWorkflowControl {
  /** Starts the one execution of this area; starting it again does nothing. */
  start(areaId: string): Promise<void>;
  /** Lets the execution waiting on this token go on. */
  continue(token: string): Promise<void>;
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
      await this.client.send(new StartExecutionCommand({ stateMachineArn: this.stateMachineArn, name: areaId, input: JSON.stringify({ areaId }) }));
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
const noWorkflow: AreaWorkflowControl = { start: async () => undefined, continue: async () => undefined };

export function areaWorkflowControl(): AreaWorkflowControl {
  if (localControl) return localControl;
  const arn = process.env.STATE_MACHINE_ARN;
  return arn ? new StepFunctionsControl(arn, process.env.AWS_REGION) : noWorkflow;
}
