import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformFunctions, type FunctionAccess } from '@pip/functions/routes';
import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { METRICS_NAMESPACE, SERVICE_NAME, platformMetrics } from '@pip/functions/kit/metric-names';
import { cdkJsonContext } from '@pip/infra/platform-app';
import { alarmThresholds } from '@pip/infra/alarms';
import { synthesizePlatform } from './platform-app';

/* What a programme team needs to leave the stack running: told when it breaks, nothing dropped silently, staff signed in with MFA. */
let template: Template;

beforeAll(() => {
  template = Template.fromStack(synthesizePlatform().platform);
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

  it('alarms when emails wait in the outbox, when delivery stops reporting, and when SES reputation slips', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    const waiting = alarms.find((alarm) => alarm.MetricName === platformMetrics.oldestUnsentEmailAge);
    expect(waiting).toMatchObject({
      Namespace: METRICS_NAMESPACE,
      Dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
      Threshold: alarmThresholds.oldestUnsentEmailSeconds,
      TreatMissingData: 'breaching',
    });
    expect(alarms.find((alarm) => alarm.MetricName === platformMetrics.emailsFailed)).toMatchObject({ Namespace: METRICS_NAMESPACE, Threshold: alarmThresholds.failedSendsPerHour });
    expect(alarms.find((alarm) => alarm.MetricName === platformMetrics.staffAlertNotSent)).toMatchObject({ Namespace: METRICS_NAMESPACE, Threshold: 1 });
    expect(alarms.find((alarm) => alarm.MetricName === 'Reputation.BounceRate')).toMatchObject({ Namespace: 'AWS/SES', Threshold: alarmThresholds.bounceRate });
    expect(alarms.find((alarm) => alarm.MetricName === 'Reputation.ComplaintRate')).toMatchObject({ Namespace: 'AWS/SES', Threshold: alarmThresholds.complaintRate });
  });

  it('ends the workflow failed, never stuck, when even the alert to staff cannot be sent', () => {
    const machine = Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0]!.Properties;
    const definition = JSON.parse(JSON.stringify(machine.DefinitionString['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : '')).join(''))) as string;
    const states = (JSON.parse(definition) as { States: Record<string, { Catch?: { Next: string }[]; Retry?: unknown[]; Type: string; Error?: string }> }).States;
    const recordFailure = states['Record failure and alert staff']!;
    expect(recordFailure.Retry).toBeDefined();
    const next = states[recordFailure.Catch![0]!.Next]!;
    expect(next).toMatchObject({ Type: 'Fail', Error: 'AreaWorkflowFailedUnreported' });
  });

  it('turns on Cognito threat protection only when the team opts in', () => {
    const pool = () => Object.values(template.findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    expect(pool().UserPoolTier).toBe('ESSENTIALS');
    expect(pool().UserPoolAddOns).toBeUndefined();
    const protectedPool = Object.values(Template.fromStack(synthesizePlatform({ staffThreatProtection: 'on' }).platform).findResources('AWS::Cognito::UserPool'))[0]!.Properties;
    expect(protectedPool.UserPoolTier).toBe('PLUS');
    expect(protectedPool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('sets every feature flag CDK currently recommends, as cdk.json', () => {
    const context = cdkJsonContext();
    for (const [flag, value] of Object.entries(CURRENTLY_RECOMMENDED_FLAGS)) expect(context[flag], flag).toEqual(value);
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
    for (const name of ['deliver-emails', 'start-area-workflows', 'email-reports', 'apply-retention']) {
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
    const asking = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      (policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).some((statement) => [statement.Action].flat().includes('ses:GetAccount')),
    );
    expect(asking).toHaveLength(1);
    const healthRole = (template.findResources('AWS::Lambda::Function', { Properties: { Description: platformFunctions.find((fn) => fn.name === 'health')!.description } }));
    const role = (Object.values(healthRole)[0]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(asking[0]!.Properties.Roles).toEqual([{ Ref: role }]);
  });

  it('gives each function exactly the table actions its code calls: no scans, batch writes or streams, deletes only where a store deletes', () => {
    const exactly = {
      describe: ['dynamodb:DescribeTable'],
      read: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
      write: ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      delete: ['dynamodb:DeleteItem'],
    } as const;
    // act-on-new-records deletes the saved answers of an address that has applied.
    const deleting = ['act-on-new-records', 'apply-retention', 'area-workflow', 'staff-area-programme', 'staff-console', 'staff-consultancy', 'staff-selection', 'start-area-workflows'];
    expect(platformFunctions.filter((fn) => (fn.access as FunctionAccess).table?.includes('delete')).map((fn) => fn.name).sort()).toEqual(deleting);
    expect(platformFunctions.filter((fn) => (fn.access as FunctionAccess).table?.includes('describe')).map((fn) => fn.name)).toEqual(['health']);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).map((policy) => policy.Properties);
    for (const definition of platformFunctions) {
      const roleRef = template.findResources('AWS::Lambda::Function', { Properties: { Description: definition.description } });
      const role = (Object.values(roleRef)[0]!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      const actions = policies
        .filter((policy) => (policy.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
        .flatMap((policy) => policy.PolicyDocument.Statement as { Action: string | string[] }[])
        .flatMap((statement) => [statement.Action].flat())
        .filter((action) => action.startsWith('dynamodb:'))
        // The stream's reads, which the stream's own test holds, are the event source mapping's, not the stores'.
        .filter((action) => !['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'].includes(action));
      const access = (definition.access as FunctionAccess).table ?? [];
      expect([...new Set(actions)].sort(), definition.name).toEqual(access.flatMap((kind) => exactly[kind]).sort());
    }
  });
});
