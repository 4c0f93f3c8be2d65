import { Tracer } from '@aws-lambda-powertools/tracer';
import { SERVICE_NAME } from '../kit/metric-names';

let tracer: Tracer | undefined;

/**
 * An AWS SDK v3 client traced by X-Ray (Powertools' Tracer): each call it makes is a subsegment of
 * the invocation that Lambda's active tracing records. Outside Lambda (this machine, the tests) the
 * Tracer is disabled, since AWS_EXECUTION_ENV is unset, and hands the client back as it was.
 */
export function captureAwsClient<C extends object>(client: C): C {
  tracer ??= new Tracer({ serviceName: SERVICE_NAME });
  return tracer.captureAWSv3Client(client);
}
