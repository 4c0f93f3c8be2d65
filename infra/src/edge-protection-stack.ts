import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Route } from '@pip/functions/routes';
import type { Construct } from 'constructs';
import { EdgeFirewall } from './constructs/edge-firewall';

/**
 * CloudFront takes its web ACL from us-east-1 only, wherever the platform lives, so the firewall
 * is a small stack of its own there; the platform's stack reads its address across regions.
 */
export class EdgeProtectionStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: StackProps & { routes: readonly Route[] }) {
    super(scope, id, props);
    this.webAclArn = new EdgeFirewall(this, 'edge-firewall', { routes: props.routes }).webAcl.attrArn;
  }
}
