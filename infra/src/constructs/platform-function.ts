import { Duration } from 'aws-cdk-lib';
import { Architecture, Runtime, Tracing, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { handlerEntry } from '@pip/functions/function-entries';
import type { PlatformFunction as FunctionDefinition } from '@pip/functions/routes';
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

/** Static files a function reads at run time, copied beside its bundle. */
const extraFiles: Record<string, { from: string; to: string; env: Record<string, string> }> = {
  'static-assets': {
    from: 'functions/node_modules/govuk-frontend/dist/govuk',
    to: 'govuk',
    env: { ASSETS_DIR: '/var/task/govuk' },
  },
};

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
  }
}

export type { IFunction };
