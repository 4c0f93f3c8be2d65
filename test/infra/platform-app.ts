import { App } from 'aws-cdk-lib';
import { addPlatformStacks, cdkJsonContext, type PlatformStacks } from '@pip/infra/platform-app';

/**
 * The deployment as `cdk synth` makes it (cdk.json's context, feature flags among it), with
 * bundling skipped so that the tests are about the templates; `pnpm synth` bundles for real.
 */
export function synthesizePlatform(context: Record<string, string> = {}): PlatformStacks & { app: App } {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      'aws:cdk:bundling-stacks': [],
      mailFrom: 'programme@pip.example.org',
      staffAlertsTo: 'team@pip.example.org',
      staffSignInDomainPrefix: 'pip-platform-test',
      ...context,
    },
  });
  return { app, ...addPlatformStacks(app) };
}
