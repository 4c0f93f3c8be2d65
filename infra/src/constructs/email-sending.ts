import { Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** The sending domain's SES identity, and permission to send from it and nothing else. */
export class EmailSending extends Construct {
  private readonly identityArn: string;

  constructor(scope: Construct, id: string, props: { mailFrom: string }) {
    super(scope, id);
    const domain = props.mailFrom.replace(/^.*<|>$/gu, '').split('@')[1] ?? props.mailFrom;
    new EmailIdentity(this, 'identity', { identity: Identity.domain(domain) });
    this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain });
  }

  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [this.identityArn] }),
    );
  }
}
