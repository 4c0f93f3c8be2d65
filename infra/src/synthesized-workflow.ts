import { App } from 'aws-cdk-lib';
import { PipStack } from './pip-stack';
import { cdkJsonContext } from './platform-app';

export interface SynthesizedWorkflow {
  /** The Amazon States Language definition exactly as the stack deploys it, with ARNs filled in. */
  definition: { StartAt: string; States: Record<string, Record<string, unknown>> };
  /** For each Task state, the platform function it invokes. */
  functionOfTask: Record<string, string>;
}

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> }> };

const LOCAL_ACCOUNT = '000000000000';
const LOCAL_REGION = 'eu-west-2';

/** Lambda ARNs stand in for the references CloudFormation would resolve; the function's construct id is the platform function's name. */
function resolve(part: unknown, template: Template): string {
  if (typeof part === 'string') return part;
  const value = part as Record<string, unknown>;
  if ('Ref' in value) {
    const ref = value.Ref as string;
    return { 'AWS::Partition': 'aws', 'AWS::Region': LOCAL_REGION, 'AWS::AccountId': LOCAL_ACCOUNT, 'AWS::URLSuffix': 'amazonaws.com' }[ref] ?? ref;
  }
  if ('Fn::GetAtt' in value) {
    const [logicalId] = value['Fn::GetAtt'] as [string, string];
    const path = String(template.Resources[logicalId]?.Metadata?.['aws:cdk:path'] ?? logicalId);
    const functionName = path.split('/')[1] ?? logicalId;
    return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${functionName}`;
  }
  throw new Error(`Cannot resolve ${JSON.stringify(part)} in the state machine definition`);
}

let cached: SynthesizedWorkflow | undefined;

/**
 * Synthesizes the CDK app (without bundling, which the definition does not depend on) and takes
 * the area workflow's definition from the template: the local platform runs this very definition.
 */
export function synthesizedWorkflow(): SynthesizedWorkflow {
  if (cached) return cached;
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], 'aws:cdk:enable-path-metadata': true } });
  const stack = new PipStack(app, 'pip-platform', {
    mailFrom: 'programme@pip.localhost',
    staffAlertsTo: 'programme-team@pip.localhost',
    staffSignInDomainPrefix: 'pip-platform-local',
  });
  const template = app.synth().getStackByName(stack.stackName).template as Template;
  const machines = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`Expected one state machine, found ${machines.length}`);
  const source = machines[0]!.Properties!.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const json = typeof source === 'string' ? source : source['Fn::Join'][1].map((part) => resolve(part, template)).join(source['Fn::Join'][0]);
  const definition = JSON.parse(json) as SynthesizedWorkflow['definition'];
  const functionOfTask: Record<string, string> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (state.Type !== 'Task') continue;
    const parameters = state.Parameters as { FunctionName?: string } | undefined;
    const arn = String(parameters?.FunctionName ?? state.Resource);
    functionOfTask[name] = arn.split(':function:')[1] ?? arn;
  }
  cached = { definition, functionOfTask };
  return cached;
}
