import { App } from 'aws-cdk-lib';
import { addPlatformStacks, cdkJsonContext, type PlatformStacks } from '@pip/infra/platform-app';

type SynthesizedPlatform = PlatformStacks & { app: App };

/** One app per configuration in this worker: the infra files share it (the project runs them unisolated), so each configuration is synthesized once. */
const synthesized = new Map<string, SynthesizedPlatform>();

/**
 * The deployment as `cdk synth` makes it (cdk.json's context, feature flags among it), with
 * bundling skipped so that the tests are about the templates; `pnpm synth` bundles for real.
 * Tests only read the stacks, so the same configuration gives the same, already synthesized, app.
 */
export function synthesizePlatform(context: Record<string, string> = {}): SynthesizedPlatform {
  const key = JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b)));
  const kept = synthesized.get(key);
  if (kept) return kept;
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
  const made = { app, ...addPlatformStacks(app) };
  synthesized.set(key, made);
  return made;
}
