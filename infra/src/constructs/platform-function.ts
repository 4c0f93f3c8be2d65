import { Duration, Validations } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { handlerEntry } from '@pip/functions/function-entries';
import type { FunctionAccess, PlatformFunction as FunctionDefinition } from '@pip/functions/routes';
import { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Settings every function's bundle shares; the benchmark bundles with the same ones. */
export const bundlingDefaults = {
  format: OutputFormat.ESM,
  minify: true,
  sourceMap: true,
  target: 'node22',
  mainFields: ['module', 'main'],
  // The SDK is bundled rather than taken from the runtime, so AWS runs the version the tests ran.
  bundleAwsSDK: true,
  // Some dependencies still call require(); ESM bundles need it defined.
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/**
 * The AWS SDK client packages a function calls, by what the route table lets it touch: the floor of
 * its bundle, which the benchmark compares it with and the bundling test holds it to.
 */
export function sdkClientsFor(access: FunctionAccess): string[] {
  return [
    ...(access.table?.length ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : []),
    ...(access.email ? ['@aws-sdk/client-ses'] : []),
    ...(access.emailAccount ? ['@aws-sdk/client-sesv2'] : []),
    ...(access.workflow?.length ? ['@aws-sdk/client-sfn'] : []),
  ];
}

/** The AWS SDK client packages a bundle holds: those with code in its output, by the package directories of its inputs. */
export function sdkClientsIn(metafile: { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> }): string[] {
  const packages = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/(@aws-sdk\/(?:client-[\w-]+|lib-dynamodb))\//u.exec(input);
      if (match && bytesInOutput > 0) packages.add(match[1]!);
    }
  }
  return [...packages].sort();
}

/**
 * What a function's bundle holds, fixed when esbuild builds it: the composition root builds the
 * adapters of a capability only where `process.env.PIP_BUNDLE_<capability>` is not 'false', so
 * esbuild drops the rest, and their SDK clients, from the bundle. Run from source (the local
 * platform, the tests) nothing is defined and every capability is there. Tracing the SDK clients
 * with Powertools Tracer (which brings the X-Ray SDK) is left out unless `traceSdkCalls`: Lambda's
 * active tracing records every invocation without it.
 */
export function bundleDefine(access: FunctionAccess, options: { traceSdkCalls?: boolean } = {}): Record<string, string> {
  const has = (capability: boolean) => JSON.stringify(String(capability));
  return {
    'process.env.PIP_BUNDLE_TABLE_STORES': has(Boolean(access.table?.some((grant) => grant !== 'describe'))),
    'process.env.PIP_BUNDLE_EMAIL': has(Boolean(access.email)),
    'process.env.PIP_BUNDLE_EMAIL_ACCOUNT': has(Boolean(access.emailAccount)),
    'process.env.PIP_BUNDLE_WORKFLOW': has(Boolean(access.workflow?.length)),
    'process.env.PIP_BUNDLE_TRACING': has(Boolean(options.traceSdkCalls)),
  };
}

/** Static files a function reads at run time, copied beside its bundle. */
const extraFiles: Record<string, { from: string; to: string; env: Record<string, string> }> = {};

export interface PlatformFunctionProps {
  definition: FunctionDefinition;
  environment: Record<string, string>;
}

/** A Node.js 22 function on arm64 with our defaults: bundled by esbuild, traced, logs kept a month. */
export class PlatformFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
    const { definition } = props;
    const files = extraFiles[definition.name];
    this.fn = new NodejsFunction(this, 'function', {
      entry: handlerEntry(definition.name),
      handler: 'handler',
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(definition.everyMinutes ? 60 : 29),
      tracing: Tracing.ACTIVE,
      projectRoot,
      depsLockFilePath: `${projectRoot}pnpm-lock.yaml`,
      logGroup: new LogGroup(this, 'logs', { retention: RetentionDays.ONE_MONTH }),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment, ...files?.env },
      bundling: {
        ...bundlingDefaults,
        define: bundleDefine(definition.access),
        ...(files
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (inputDir: string, outputDir: string) => [
                  `cp -rL "${inputDir}/${files.from}" "${outputDir}/${files.to}"`,
                ],
              },
            }
          : {}),
      },
    });
    const acknowledge = (id: string, reason: string) => Validations.of(this).acknowledge({ id, reason });
    acknowledge('AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'The AWS-managed basic execution role grants only writes to CloudWatch Logs.');
    const runtime = 'Node.js 22 is the platform\'s chosen runtime (supported by Lambda until April 2027); the tests and bundles target it, and it moves with the project, not with each release.';
    acknowledge('AwsSolutions-L1', runtime);
    acknowledge('Serverless-LambdaLatestVersion', runtime);
    acknowledge(
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray trace writes take no resource; so do the Step Functions task-token answers and SES GetAccount, granted only to the functions that call them.',
    );
    acknowledge(
      'Serverless-LambdaDLQ',
      definition.everyMinutes || definition.emailReports
        ? 'Invoked asynchronously: failures after two retries go to the on-failure destination, the dead-letter queue, with an alarm.'
        : 'Invoked synchronously (by API Gateway or by the state machine), which retry or report the error themselves: no asynchronous invocation to keep.',
    );
  }
}

export type { IFunction };
