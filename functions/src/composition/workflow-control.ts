import type { AreaWorkflowControl } from '@pip/domain';
import { StepFunctionsControl } from '../adapters/step-functions-control';
import { awsRegion, type Instrument } from './environment';

let localWorkflow: AreaWorkflowControl | undefined;

/** The local platform runs the area workflow in-process and hands its control over here. */
export function useLocalWorkflow(control: AreaWorkflowControl | undefined): void {
  localWorkflow = control;
}

/** Where no workflow runs (the tests that need none), starting, continuing and restarting do nothing. */
const noWorkflow: AreaWorkflowControl = { start: async () => undefined, continue: async () => undefined, restart: async () => undefined };

/** The area workflow: Step Functions in AWS, the local runner once the local platform hands it over. */
export function workflowControl(instrument: Instrument | undefined): AreaWorkflowControl {
  const arn = process.env.STATE_MACHINE_ARN;
  const aws = arn ? new StepFunctionsControl(arn, awsRegion(), instrument) : noWorkflow;
  // Asked at each call: the local platform may hand over its runner after the first use.
  const control = () => localWorkflow ?? aws;
  return {
    start: (areaId) => control().start(areaId),
    continue: (token) => control().continue(token),
    restart: (areaId, attempt) => control().restart(areaId, attempt),
  };
}
