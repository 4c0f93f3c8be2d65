import { RemovalPolicy, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { tableSchema } from '@pip/storage/table-schema';
import type { TableAccess } from '@pip/functions/routes';
import { Construct, type IConstruct } from 'constructs';

/** The DynamoDB actions behind each kind of table access (transactions need the actions inside them). */
export const tableActions: Record<TableAccess, readonly string[]> = {
  describe: ['dynamodb:DescribeTable'],
  read: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  delete: ['dynamodb:DeleteItem'],
};

const stringKey = (name: string) => ({ name, type: AttributeType.STRING });

/** The one table, its keys and indexes read from the same declaration the local table uses. */
export class ProgrammeTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new TableV2(this, 'table', {
      partitionKey: stringKey(tableSchema.partitionKey),
      sortKey: stringKey(tableSchema.sortKey),
      globalSecondaryIndexes: tableSchema.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
      })),
      timeToLiveAttribute: tableSchema.timeToLiveAttribute,
      dynamoStream: StreamViewType[tableSchema.stream],
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Exactly what the stores call, nothing more, per kind of access the route table declares. No
   * Scan or batch action is ever granted: no code calls one. The stream is read only by the event
   * source mapping of the function the route table marks `tableStream` (`TableStream`).
   */
  grant(grantee: IGrantable & IConstruct, access: readonly TableAccess[]): void {
    const actions = access.flatMap((kind) => tableActions[kind]);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions, resources: [this.table.tableArn, `${this.table.tableArn}/index/*`] }),
    );
    const tableId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnElement);
    Validations.of(grantee).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: 'Queries on the table\'s own secondary indexes, every one declared in the shared key schema.',
    });
  }
}
