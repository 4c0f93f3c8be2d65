import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { tableSchema } from '@pip/storage/table-schema';
import { Construct } from 'constructs';

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
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * Exactly what the stores call, nothing more: reads are GetItem and Query (the index too) and the
   * health check's DescribeTable; writes add Put, Update, Delete and the condition checks inside
   * transactions. No Scan, batch or stream action is ever granted: no code calls one.
   */
  grant(grantee: IGrantable, access: 'read' | 'write'): void {
    const actions = [
      'dynamodb:DescribeTable',
      'dynamodb:GetItem',
      'dynamodb:Query',
      ...(access === 'write' ? ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'] : []),
    ];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions, resources: [this.table.tableArn, `${this.table.tableArn}/index/*`] }),
    );
  }
}
