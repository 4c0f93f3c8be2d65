import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformFunctions, routes, unmatchedRequestsFunction } from '@pip/functions/routes';
import { synthesizePlatform } from './platform-app';
import { tableSchema } from '@pip/storage/table-schema';
import { REFERENCE_GROUP, STAFF_GROUP } from '@pip/domain';

let template: Template;

beforeAll(() => {
  template = Template.fromStack(synthesizePlatform().platform);
});

describe('the CDK stack', () => {
  it('has one table whose keys and indexes come from the shared declaration', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) =>
        Match.objectLike({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
        }),
      ),
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: tableSchema.timeToLiveAttribute, Enabled: true },
    });
  });

  it('has one Node.js 22 arm64 function per platform function, each told its table and sender', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    expect(Object.keys(functions)).toHaveLength(platformFunctions.length);
    for (const definition of platformFunctions) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: definition.description,
        TracingConfig: { Mode: 'Active' },
        Environment: { Variables: Match.objectLike({ TABLE_NAME: Match.anyValue(), MAIL_FROM: 'programme@pip.example.org' }) },
      });
    }
  });

  it('builds exactly the routes of the route table into the HTTP API', () => {
    const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route');
    const keys = Object.values(apiRoutes).map((route) => (route as { Properties: { RouteKey: string } }).Properties.RouteKey);
    expect(keys.sort()).toEqual([...routes.map((route) => `${route.method} ${route.path}`), '$default'].sort());
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
  });

  it('sends every request no route matches to the function that answers "Page not found"', () => {
    type Resource = { Properties: Record<string, unknown> };
    const [unmatched] = Object.values(template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: '$default' } })) as Resource[];
    const integrationId = JSON.stringify(unmatched?.Properties.Target).match(/"Ref":"([^"]+)"/u)?.[1];
    const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId ?? ''] as Resource | undefined;
    const functionId = JSON.stringify(integration?.Properties.IntegrationUri).match(/"Fn::GetAtt":\["([^"]+)"/u)?.[1];
    const target = template.findResources('AWS::Lambda::Function')[functionId ?? ''] as Resource | undefined;
    const expected = platformFunctions.find((fn) => fn.name === unmatchedRequestsFunction);
    expect(target?.Properties.Description).toBe(expected?.description);
  });

  it('lets only the functions that send email send it, from the verified domain', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'pip.example.org' });
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: ['ses:SendEmail', 'ses:SendRawEmail'] })]) } },
    });
    expect(Object.keys(policies)).toHaveLength(platformFunctions.filter((fn) => 'email' in fn.access && fn.access.email).length);
  });

  it('keeps staff in a Cognito pool nobody can sign up to, and tells every function how to verify them', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: STAFF_GROUP });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: REFERENCE_GROUP });
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 2);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'pip-platform-test' });
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient')) as { Properties: Record<string, unknown> }[];
    expect(client?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toContain('/staff/auth/callback');
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x' } });
    for (const fn of Object.values(functions) as { Properties: { Environment: { Variables: Record<string, unknown> } } }[]) {
      expect(Object.keys(fn.Properties.Environment.Variables)).toEqual(
        expect.arrayContaining(['STAFF_ISSUER', 'STAFF_AUDIENCE', 'COGNITO_DOMAIN', 'STAFF_SIGN_OUT_URL']),
      );
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('STAFF_JWKS');
      expect(fn.Properties.Environment.Variables).not.toHaveProperty('STAFF_SIGN_IN_URL');
    }
  });

  it('never builds the local-only staff sign-in into the API', () => {
    const apiRoutes = template.findResources('AWS::ApiGatewayV2::Route');
    expect(JSON.stringify(apiRoutes)).not.toContain('/local/');
  });

  it('has one Standard state machine for the area workflow, started only by the functions that start or resume it', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineType: 'STANDARD', StateMachineName: 'pip-platform-area-workflow' });
    const starters = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'states:StartExecution' })]) } },
    });
    expect(Object.keys(starters)).toHaveLength(platformFunctions.filter((fn) => 'workflow' in fn.access && (fn.access.workflow as readonly string[]).includes('start')).length);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(5 minutes)' });
  });

  it('sends every email through a configuration set whose bounces, complaints and deliveries reach the function that records them', () => {
    const sets = template.findResources('AWS::SES::ConfigurationSet');
    expect(Object.keys(sets)).toHaveLength(1);
    const [setId] = Object.keys(sets);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: setId },
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayEquals(['bounce', 'complaint', 'delivery', 'reject']),
        SnsDestination: Match.anyValue(),
      }),
    });
    const reporter = platformFunctions.find((fn) => 'emailReports' in fn && fn.emailReports)!;
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Description: reporter.description } });
    const [reporterId] = Object.keys(functions);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'lambda', Endpoint: { 'Fn::GetAtt': [reporterId, 'Arn'] } });
    // Sending names the configuration set, so SES asks for permission on it as well as on the identity.
    const senders = template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: { SES_CONFIGURATION_SET: { Ref: setId } } } } });
    expect(Object.keys(senders)).toHaveLength(platformFunctions.filter((fn) => 'email' in fn.access && fn.access.email).length);
  });

  it('runs the outbox delivery every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
  });
});
