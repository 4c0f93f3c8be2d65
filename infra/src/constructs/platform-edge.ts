import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations, type CfnElement } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { IMMUTABLE_CACHE_CONTROL, stagePublicAssets, writePublicAssets } from '@pip/functions/assets/govuk-assets';
import { Construct } from 'constructs';

export interface PlatformEdgeProps {
  api: HttpApi;
  /** The firewall's web ACL in us-east-1; none where the team has turned it off. */
  webAclArn?: string;
  /** A custom address, with its certificate (in us-east-1, as CloudFront requires). */
  domain?: { name: string; certificateArn: string };
}

/**
 * The one address people reach: CloudFront in front of the HTTP API for pages and APIs (nothing
 * cached, every header, cookie and query passed on), and of a private bucket for GOV.UK Frontend's
 * styles, fonts and images, kept for a year at paths that change whenever their content does.
 */
export class PlatformEdge extends Construct {
  readonly distribution: Distribution;
  /** `https://…`: the address emailed links and the staff sign-in callback use. */
  readonly publicUrl: string;
  /** Where the pages find the stylesheet, `/assets/<revision>`. */
  readonly assetsBase: string;

  constructor(scope: Construct, id: string, props: PlatformEdgeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const logs = new Bucket(this, 'access-logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL, which needs the writer to own its objects.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const assets = new Bucket(this, 'public-assets', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'public-assets/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const staged = stagePublicAssets();
    this.assetsBase = staged.basePath;
    const stagingDir = join(tmpdir(), 'pip-public-assets', staged.revision);
    // Emptied first: whatever is in the folder is uploaded.
    rmSync(stagingDir, { recursive: true, force: true });
    mkdirSync(stagingDir, { recursive: true });
    writePublicAssets(stagingDir, staged);
    new BucketDeployment(this, 'public-assets-deployment', {
      sources: [Source.asset(stagingDir)],
      destinationBucket: assets,
      destinationKeyPrefix: `${staged.basePath.replace(/^\//u, '')}/`,
      // Earlier revisions stay: a page cached in someone's browser still finds the stylesheet it names.
      prune: false,
      cacheControl: [CacheControl.fromString(IMMUTABLE_CACHE_CONTROL)],
    });

    const apiDomain = `${props.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    this.distribution = new Distribution(this, 'distribution', {
      comment: 'Partnership Improvement Programme platform',
      defaultBehavior: {
        origin: new HttpOrigin(apiDomain, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
        allowedMethods: AllowedMethods.ALLOW_ALL,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Pages are personal (staff, personal links): never cached at the edge.
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      },
      additionalBehaviors: {
        '/assets/*': {
          origin: S3BucketOrigin.withOriginAccessControl(assets),
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          compress: true,
        },
      },
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      ...(props.domain
        ? {
            domainNames: [props.domain.name],
            certificate: Certificate.fromCertificateArn(this, 'certificate', props.domain.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America: the people are in England.
      priceClass: PriceClass.PRICE_CLASS_100,
    });
    this.publicUrl = `https://${props.domain?.name ?? this.distribution.distributionDomainName}`;
    this.acknowledge(props, assets);
  }

  private acknowledge(props: PlatformEdgeProps, assets: Bucket): void {
    const distribution = Validations.of(this.distribution);
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No country is refused: council and voluntary sector officers apply and book from wherever they are; the firewall\'s reputation and rate rules do the filtering.',
    });
    if (!props.domain) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'On CloudFront\'s own *.cloudfront.net certificate the viewer TLS policy cannot be chosen; with -c domainName and certificateArn it is TLS 1.2 (2021).',
      });
    }
    if (!props.webAclArn) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR2',
        reason: 'The team turned the firewall off (-c edgeFirewall=off) to save its fixed monthly cost; the API\'s stage throttling still limits every route.',
      });
    }
    // CDK's own function that copies the assets into the bucket at deploy time.
    const stack = Stack.of(this);
    const qualifier = (stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string | undefined) ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      const deployment = Validations.of(child);
      const reason = 'CDK\'s bucket deployment handler, run only by CloudFormation at deploy time; its runtime, role and policy are CDK\'s, scoped to the assets bucket and the CDK staging bucket.';
      for (const id of [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ...['Abort*', 'DeleteObject*', 'GetBucket*', 'GetObject*', 'List*'].map((action) => `AwsSolutions-IAM5[Action::s3:${action}]`),
        `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(assets.node.defaultChild as CfnElement)}.Arn>/*]`,
        `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-${Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region}/*]`,
        'AwsSolutions-L1',
        'Serverless-LambdaDLQ',
        'Serverless-LambdaLatestVersion',
        'Serverless-LambdaTracing',
      ]) {
        deployment.acknowledge({ id, reason });
      }
    }
  }
}
