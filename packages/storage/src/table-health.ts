import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Whether the table answers: DescribeTable is the cheapest call that proves the table is there. */
export async function tableAnswers(documents: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  try {
    await documents.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch {
    return false;
  }
}
