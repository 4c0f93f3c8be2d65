import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { platformFunctions } from '@pip/functions/routes';
import { newRecordFilters } from '@pip/storage/table-schema';
import { synthesizePlatform } from './platform-app';

/* The table's stream drives email delivery: filtered, failures reported per record, nothing dropped silently. */
let template: Template;

beforeAll(() => {
  template = Template.fromStack(synthesizePlatform().platform);
});

const streamed = platformFunctions.filter((fn) => 'tableStream' in fn);
const roleOf = (description: string) => {
  const fn = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Description: description } }))[0]!;
  return (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
};
const actionsOf = (role: string) =>
  Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === role))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);

describe("the table's stream", () => {
  it('is on the table, with each new image', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('invokes the one function that acts on new records, filtered, reporting failures per record, with a dead-letter destination', () => {
    expect(streamed.map((fn) => fn.name)).toEqual(['act-on-new-records']);
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).map((mapping) => mapping.Properties);
    expect(mappings).toHaveLength(1);
    const [mapping] = mappings;
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    expect(mapping.FilterCriteria.Filters.map((filter: { Pattern: string }) => JSON.parse(filter.Pattern))).toEqual(Object.values(newRecordFilters));
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'));
    expect(JSON.stringify(mapping.DestinationConfig.OnFailure.Destination)).toMatch(new RegExp(queues.join('|')));
  });

  it('lets that function read the stream, and no other function', () => {
    const streamActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'];
    for (const definition of platformFunctions) {
      const actions = actionsOf(roleOf(definition.description)).flatMap((statement) => [statement.Action].flat());
      const reading = streamActions.filter((action) => actions.includes(action));
      expect(reading, definition.name).toEqual('tableStream' in definition ? streamActions : []);
    }
    // The stream's reads are on the table's stream only.
    const statements = actionsOf(roleOf(streamed[0]!.description)).filter((statement) => [statement.Action].flat().some((action) => ['dynamodb:GetRecords', 'dynamodb:GetShardIterator'].includes(action)));
    expect(JSON.stringify(statements.map((statement) => statement.Resource))).toContain('StreamArn');
  });
});
