import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoConfig {
  /** Set locally to DynamoDB Local's address; unset in AWS. */
  endpoint?: string;
  region?: string;
  /**
   * Handed the client as it is made, and returns the client to use: the functions trace it this way
   * (X-Ray, through Powertools' Tracer), so that storage need not know of tracing.
   */
  instrument?: <C extends object>(client: C) => C;
}

export function createDocumentClient(config: DynamoConfig = {}): DynamoDBDocumentClient {
  const made = new DynamoDBClient({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.region ? { region: config.region } : {}),
  });
  const client = config.instrument ? config.instrument(made) : made;
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
