import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aws, type App } from 'aws-cdk-lib';
import { routes } from '@pip/functions/routes';
import { EdgeProtectionStack } from './edge-protection-stack';
import { PipStack } from './pip-stack';

/** The context cdk.json gives every synth (feature flags among it), for apps made outside the CLI too. */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(fileURLToPath(new URL('../../cdk.json', import.meta.url)), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export interface PlatformStacks {
  platform: PipStack;
  /** Absent when the team turned the firewall off (`-c edgeFirewall=off`). */
  edgeProtection?: EdgeProtectionStack;
}

/**
 * The deployment, from context: the platform's stack in its region (London unless told), and the
 * edge firewall's in us-east-1, where CloudFront requires it.
 */
export function addPlatformStacks(app: App): PlatformStacks {
  const context = (key: string): string | undefined => app.node.tryGetContext(key) as string | undefined;
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const region = context('region') ?? process.env.CDK_DEFAULT_REGION ?? 'eu-west-2';
  const edgeProtection =
    context('edgeFirewall') === 'off'
      ? undefined
      : new EdgeProtectionStack(app, 'pip-platform-edge-protection', {
          env: { account, region: 'us-east-1' },
          crossRegionReferences: true,
          routes,
          description: 'Partnership Improvement Programme platform: the firewall in front of its CloudFront distribution',
        });
  const domainName = context('domainName');
  const certificateArn = context('certificateArn');
  if (Boolean(domainName) !== Boolean(certificateArn)) throw new Error('Give domainName and certificateArn together, or neither');
  const mailFrom = context('mailFrom') ?? 'programme@example.org';
  const platform = new PipStack(app, 'pip-platform', {
    env: { account, region },
    crossRegionReferences: Boolean(edgeProtection),
    mailFrom,
    staffAlertsTo: context('staffAlertsTo') ?? mailFrom,
    alarmsTo: context('alarmsTo'),
    // The account number keeps the default unique without anyone having to choose one.
    staffSignInDomainPrefix: context('staffSignInDomainPrefix') ?? `pip-platform-${Aws.ACCOUNT_ID}`,
    webAclArn: edgeProtection?.webAclArn,
    domain: domainName && certificateArn ? { name: domainName, certificateArn } : undefined,
    staffThreatProtection: context('staffThreatProtection') === 'on',
    description: 'Partnership Improvement Programme platform',
  });
  if (edgeProtection) platform.addStackDependency(edgeProtection);
  return { platform, edgeProtection };
}
