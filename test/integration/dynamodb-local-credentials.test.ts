import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startDynamoDbLocal, type RunningDynamoDb } from '@pip/local';

/*
 * DynamoDB Local takes any credentials, so starting it must not depend on the machine having some:
 * without them, waiting for it to answer used to fail every attempt before sending anything, for a
 * whole minute, and then report that it "did not answer".
 */
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];
let dynamo: RunningDynamoDb | undefined;
afterAll(async () => dynamo?.stop());

describe('starting DynamoDB Local', () => {
  it('starts on a machine with no AWS credentials set', async () => {
    const saved = Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, process.env[name]]));
    for (const name of CREDENTIAL_VARIABLES) delete process.env[name];
    try {
      dynamo = await startDynamoDbLocal({ port: await freePort() });
    } finally {
      for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
    }
    expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
  }, 120_000);
});
