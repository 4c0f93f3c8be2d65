import { AssetHashType, DockerImage, Duration, Validations } from 'aws-cdk-lib';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { buildSync, type BuildOptions } from 'esbuild';
import { handlerEntry } from '@pip/functions/function-entries';
import type { FunctionAccess, PlatformFunction as FunctionDefinition } from '@pip/functions/routes';
import { Construct } from 'constructs';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Settings every function's bundle shares; the benchmark bundles with the same ones. */
export const bundlingDefaults = {
  format: 'esm' as const,
  minify: true,
  sourceMap: true,
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some dependencies still call require(); ESM bundles need it defined.
  banner: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

/**
 * How esbuild builds a function, for the stack, the benchmark and the bundling test alike: minified
 * ESM for Node 22 with the AWS SDK bundled (so AWS runs the version the tests ran), split at each
 * `import()`. The handler loads a route's module on its first request (`onFirstUse`), so with
 * splitting `index.mjs` holds the router and each route's page, use cases and SDK clients are chunks
 * read when a request first needs them: a cold start reads and evaluates the router and one route.
 */
export function bundleOptions(definition: Pick<FunctionDefinition, 'name' | 'access'>, options: { traceSdkCalls?: boolean } = {}): BuildOptions {
  return {
    entryPoints: { index: handlerEntry(definition.name) },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: bundlingDefaults.format,
    target: bundlingDefaults.target,
    minify: bundlingDefaults.minify,
    mainFields: bundlingDefaults.mainFields,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: bundlingDefaults.banner },
    define: bundleDefine(definition.access, options),
    logLevel: 'warning',
  };
}

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

/**
 * The function's code: esbuild run here, in this process, as `bundleOptions` says (CDK's NodejsFunction
 * writes one file and cannot split). The asset's hash is its output's; the function's name and
 * switches are in the options so that no two functions share a staged bundle.
 */
function bundledCode(definition: FunctionDefinition): Code {
  const files = extraFiles[definition.name];
  const options = bundleOptions(definition);
  return Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Bundling happens locally; the image is named only because CDK asks for one.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      command: ['esbuild', definition.name],
      environment: { PIP_BUNDLE_DEFINE: JSON.stringify(options.define) },
      local: {
        tryBundle(outputDir: string): boolean {
          buildSync({ ...options, outdir: outputDir, sourcemap: bundlingDefaults.sourceMap });
          if (files) cpSync(join(projectRoot, files.from), join(outputDir, files.to), { recursive: true, dereference: true });
          return true;
        },
      },
    },
  });
}

/** A Node.js 22 function on arm64 with our defaults: bundled by esbuild, traced, logs kept a month. */
export class PlatformFunction extends Construct {
  readonly fn: LambdaFunction;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
    const { definition } = props;
    const files = extraFiles[definition.name];
    this.fn = new LambdaFunction(this, 'function', {
      code: bundledCode(definition),
      handler: 'index.handler',
      description: definition.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      timeout: Duration.seconds(definition.everyMinutes ? 60 : 29),
      tracing: Tracing.ACTIVE,
      logGroup: new LogGroup(this, 'logs', { retention: RetentionDays.ONE_MONTH }),
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment, ...files?.env },
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
