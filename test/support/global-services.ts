import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal, startSesLocal, workflowDefinition, type RunningDynamoDb, type RunningSes } from '@pip/local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

interface SharedServices {
  dynamo: RunningDynamoDb;
  ses: RunningSes;
  users: number;
}

// Several projects use this setup; globalThis makes them share one DynamoDB Local per run.
const shared = globalThis as typeof globalThis & { pipServices?: Promise<SharedServices> };

async function startServices(): Promise<SharedServices> {
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.AWS_REGION ??= 'eu-west-2';
  const [dynamo, ses] = await Promise.all([
    freePort().then((port) => startDynamoDbLocal({ port })),
    startSesLocal({ port: 0 }),
    // Synthesized here once while Java starts, and kept: otherwise every file that runs the workflow
    // would find no kept copy and synthesize the stack at the same time as the others.
    workflowDefinition(),
  ]);
  return { dynamo, ses, users: 0 };
}

export default async function setup(project: TestProject) {
  shared.pipServices ??= startServices();
  const services = await shared.pipServices;
  services.users += 1;
  project.provide('dynamoEndpoint', services.dynamo.endpoint);
  project.provide('sesEndpoint', services.ses.endpoint);
  return async () => {
    services.users -= 1;
    if (services.users > 0) return;
    shared.pipServices = undefined;
    await Promise.all([services.dynamo.stop(), services.ses.stop()]);
  };
}
