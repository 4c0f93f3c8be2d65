import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Route } from '@pip/functions/routes';
import { Construct } from 'constructs';

/**
 * How often one address may post the public forms: an applicant sends a handful of posts; a council
 * office behind one address might send a few dozen applications on a closing day. Beyond that it is
 * a script. (WAF counts over the last five minutes.)
 */
export const publicFormPostLimit = { requests: 100, windowSeconds: 300 } as const;

/** The literal start of every public POST route (up to its first parameter): what the rate rule counts. */
export function publicPostPrefixes(routes: readonly Route[]): string[] {
  const prefixes = routes
    .filter((route) => route.method === 'POST' && route.public)
    .map((route) => route.path.split('{')[0]!);
  return [...new Set(prefixes)].sort();
}

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const managedRules = (
  priority: number,
  name: string,
  countOnly: string[] = [],
): CfnWebACL.RuleProperty => ({
  name,
  priority,
  overrideAction: { none: {} },
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(countOnly.length > 0 ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
    },
  },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL in front of the platform's CloudFront distribution: AWS's managed rules for known bad
 * addresses and inputs, and a per-address rate limit on the public forms. Staff routes are not rate
 * limited here (they need a signed-in staff member) but the API's own throttling still applies.
 */
export class EdgeFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: { routes: readonly Route[] }) {
    super(scope, id);
    const prefixes = publicPostPrefixes(props.routes);
    const startsWith = (prefix: string): CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { uriPath: {} },
        positionalConstraint: 'STARTS_WITH',
        searchString: prefix,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const publicPaths: CfnWebACL.StatementProperty =
      prefixes.length === 1 ? startsWith(prefixes[0]!) : { orStatement: { statements: prefixes.map(startsWith) } };
    const posts: CfnWebACL.StatementProperty = {
      byteMatchStatement: { fieldToMatch: { method: {} }, positionalConstraint: 'EXACTLY', searchString: 'POST', textTransformations: [{ priority: 0, type: 'NONE' }] },
    };

    this.webAcl = new CfnWebACL(this, 'web-acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      description: 'Partnership Improvement Programme platform: managed rules and a rate limit on the public forms',
      visibilityConfig: visibility('pip-platform'),
      rules: [
        managedRules(0, 'AWSManagedRulesAmazonIpReputationList'),
        // Applicants write long answers: a body over 8 KB is counted, not refused (API Gateway still caps it at 10 MB).
        managedRules(1, 'AWSManagedRulesCommonRuleSet', ['SizeRestrictions_BODY']),
        managedRules(2, 'AWSManagedRulesKnownBadInputsRuleSet'),
        {
          name: 'public-form-posts-per-address',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: publicFormPostLimit.requests,
              evaluationWindowSec: publicFormPostLimit.windowSeconds,
              scopeDownStatement: { andStatement: { statements: [posts, publicPaths] } },
            },
          },
          visibilityConfig: visibility('public-form-posts-per-address'),
        },
      ],
    });
  }
}
