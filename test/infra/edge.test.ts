import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@pip/functions/routes';
import { publicFormPostLimit, publicPostPrefixes } from '@pip/infra/edge-firewall';
import { synthesizePlatform } from './platform-app';

/* One address in front of everything: CloudFront, a firewall, assets from a private bucket. */
let platform: Template;
let firewall: Template;

beforeAll(() => {
  const stacks = synthesizePlatform();
  platform = Template.fromStack(stacks.platform);
  firewall = Template.fromStack(stacks.edgeProtection!);
});

/** The platform's own functions (not the custom resources CDK adds): those told the table. */
const platformFunctionsOf = (template: Template) =>
  Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.TABLE_NAME);

const distributionConfig = () => Object.values(platform.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;

describe('the edge', () => {
  it('puts one CloudFront distribution before the HTTP API, passing everything and caching nothing', () => {
    platform.resourceCountIs('AWS::CloudFront::Distribution', 1);
    const config = distributionConfig();
    const apiOrigin = config.Origins.find((origin: { CustomOriginConfig?: unknown }) => origin.CustomOriginConfig);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain('execute-api');
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.TargetOriginId).toBe(apiOrigin.Id);
    expect(config.DefaultCacheBehavior.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST']));
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    // The managed "CachingDisabled" and "AllViewerExceptHostHeader" policies.
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.DefaultCacheBehavior.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    expect(config.Logging.Bucket).toBeDefined();
  });

  it('serves /assets/* from a private bucket through origin access control, kept for a year', () => {
    const config = distributionConfig();
    const assets = config.CacheBehaviors.find((behaviour: { PathPattern: string }) => behaviour.PathPattern === '/assets/*');
    const s3Origin = config.Origins.find((origin: { Id: string }) => origin.Id === assets.TargetOriginId);
    expect(s3Origin.S3OriginConfig).toBeDefined();
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    platform.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    platform.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'public-assets/' }),
    });
    platform.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: Match.stringLikeRegexp('^assets/[0-9a-f]{8,}/$'),
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
  });

  it('tells every function the public address and the assets revision, never the API’s own address', () => {
    const functions = platformFunctionsOf(platform);
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) {
      const variables = fn.Properties.Environment.Variables;
      expect(JSON.stringify(variables.PUBLIC_BASE_URL)).toContain('DomainName');
      expect(JSON.stringify(variables.PUBLIC_BASE_URL)).not.toContain('execute-api');
      expect(variables.ASSETS_BASE).toMatch(/^\/assets\/[0-9a-f]{8,}$/u);
    }
    const client = Object.values(platform.findResources('AWS::Cognito::UserPoolClient'))[0]!.Properties;
    expect(JSON.stringify(client.CallbackURLs)).toContain('DomainName');
  });

  it('puts a web ACL in us-east-1 before the distribution, with managed rules and a rate limit on the public forms', () => {
    firewall.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT' });
    const acl = Object.values(firewall.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
    const managed = acl.Rules.filter((rule: { Statement: { ManagedRuleGroupStatement?: unknown } }) => rule.Statement.ManagedRuleGroupStatement);
    expect(managed.map((rule: { Name: string }) => rule.Name)).toEqual(
      expect.arrayContaining(['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList']),
    );
    const rate = acl.Rules.find((rule: { Statement: { RateBasedStatement?: unknown } }) => rule.Statement.RateBasedStatement);
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toMatchObject({ AggregateKeyType: 'IP', Limit: publicFormPostLimit.requests });
    const scope = JSON.stringify(rate.Statement.RateBasedStatement.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"POST"');
    for (const prefix of publicPostPrefixes(routes)) expect(scope).toContain(`"SearchString":"${prefix}"`);
    expect(scope).not.toContain('/staff');
    expect(JSON.stringify(distributionConfig().WebACLId)).toBeDefined();
    expect(distributionConfig().WebACLId).toBeDefined();
  });

  it('rate-limits every public POST route of the route table, and no staff route', () => {
    const prefixes = publicPostPrefixes(routes);
    for (const route of routes.filter((r) => r.method === 'POST')) {
      const counted = prefixes.some((prefix) => route.path.startsWith(prefix));
      expect(counted, `${route.method} ${route.path}`).toBe('public' in route && route.public === true);
    }
  });

  it('leaves the firewall out when the team turns it off, keeping the API throttling', () => {
    const stacks = synthesizePlatform({ edgeFirewall: 'off' });
    expect(stacks.edgeProtection).toBeUndefined();
    const template = Template.fromStack(stacks.platform);
    const config = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(config.WebACLId).toBeUndefined();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: Match.anyValue() }) });
  });

  it('answers at a custom domain with its certificate when given one, and links and sign-in use it', () => {
    const certificateArn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    const template = Template.fromStack(synthesizePlatform({ domainName: 'pip.example.org.uk', certificateArn, edgeFirewall: 'off' }).platform);
    const config = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['pip.example.org.uk']);
    expect(config.ViewerCertificate).toMatchObject({ AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021' });
    for (const fn of platformFunctionsOf(template)) {
      expect(fn.Properties.Environment.Variables.PUBLIC_BASE_URL).toBe('https://pip.example.org.uk');
    }
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { CallbackURLs: ['https://pip.example.org.uk/staff/auth/callback'] });
  });

  it('refuses a domain without its certificate', () => {
    expect(() => synthesizePlatform({ domainName: 'pip.example.org.uk' })).toThrow(/certificateArn/u);
  });
});
