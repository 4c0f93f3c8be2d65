import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformFunctions } from '@pip/functions/routes';
import { PipStack } from '@pip/infra/pip-stack';

/* What a programme team needs to leave the stack running: told when it breaks, nothing dropped silently, staff signed in with MFA. */
let template: Template;

beforeAll(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = Template.fromStack(
    new PipStack(app, 'pip-platform', { mailFrom: 'programme@pip.example.org', staffSignInDomainPrefix: 'pip-platform-test', staffAlertsTo: 'team@pip.example.org' }),
  );
});

const functionIdOf = (name: string) => {
  const description = platformFunctions.find((fn) => fn.name === name)!.description;
  return Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }))[0]!;
};

describe('the stack, as a team runs it for three years', () => {
  it('requires staff to sign in with an authenticator app, with a strong password, and keeps the pool from deletion', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireSymbols: true, RequireNumbers: true, RequireUppercase: true, RequireLowercase: true }) },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('tells the programme team through its own topic, not through the email it may be reporting on', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'team@pip.example.org' });
    const topics = template.findResources('AWS::SNS::Topic', { Properties: { DisplayName: Match.stringLikeRegexp('alarms') } });
    expect(Object.keys(topics)).toHaveLength(1);
    const [topicId] = Object.keys(topics);
    const alarms = template.findResources('AWS::CloudWatch::Alarm');
    expect(Object.values(alarms).every((alarm) => JSON.stringify(alarm.Properties.AlarmActions) === JSON.stringify([{ Ref: topicId }]))).toBe(true);
  });

  it('alarms on every function’s errors and throttles, failed workflows, API server errors and undelivered dead letters', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const watched = (namespace: string, metric: string) => alarms.filter((alarm) => alarm.Namespace === namespace && alarm.MetricName === metric);
    expect(watched('AWS/Lambda', 'Errors')).toHaveLength(platformFunctions.length);
    expect(watched('AWS/Lambda', 'Throttles')).toHaveLength(platformFunctions.length);
    for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) expect(watched('AWS/States', metric)).toHaveLength(1);
    expect(watched('AWS/ApiGateway', '5xx')).toHaveLength(1);
    expect(watched('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toHaveLength(1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('logs and traces the workflow', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ERROR', IncludeExecutionData: false }),
    });
  });

  it('retries scheduled runs and keeps the ones that never ran in a dead-letter queue', () => {
    const rules = Object.values(template.findResources('AWS::Events::Rule')).map((rule) => rule.Properties);
    expect(rules.length).toBe(platformFunctions.filter((fn) => 'everyMinutes' in fn).length);
    for (const rule of rules) {
      expect(rule.Targets[0].RetryPolicy.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(rule.Targets[0].DeadLetterConfig.Arn).toBeDefined();
    }
    // Functions invoked asynchronously (schedules, SNS) send failures that outlast their retries to the same queue.
    for (const name of ['deliver-emails', 'start-area-workflows', 'email-reports']) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: functionIdOf(name) }, DestinationConfig: { OnFailure: Match.anyValue() } });
    }
  });

  it('throttles the API as a floor under any edge protection', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingBurstLimit: Match.anyValue(), ThrottlingRateLimit: Match.anyValue() }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });

  it('lets the health check ask SES what it asks, so a denial is never read as healthy', () => {
    const healthRole = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'ses:GetAccount' })]) } },
    });
    expect(Object.keys(healthRole)).toHaveLength(1);
  });

  it('gives each function exactly the table actions its code calls: no scans, batches or streams', () => {
    const exactly = {
      read: ['dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query'],
      write: ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
    } as const;
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).map((policy) => policy.Properties);
    for (const definition of platformFunctions) {
      const roleRef = template.findResources('AWS::Lambda::Function', { Properties: { Description: definition.description } });
      const role = (Object.values(roleRef)[0]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const actions = policies
        .filter((policy) => (policy.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
        .flatMap((policy) => policy.PolicyDocument.Statement as { Action: string | string[] }[])
        .flatMap((statement) => [statement.Action].flat())
        .filter((action) => action.startsWith('dynamodb:'));
      const access = 'table' in definition.access ? definition.access.table : undefined;
      expect([...new Set(actions)].sort(), definition.name).toEqual(access ? [...exactly[access]] : []);
    }
  });
});
