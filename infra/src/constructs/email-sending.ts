import { Stack } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * The sending domain's SES identity, and permission to send from it and nothing else. Every email
 * goes through one configuration set, whose bounces, complaints and deliveries come back through
 * a topic to the function that records them: a mistyped address is noticed, not silently lost.
 */
export class EmailSending extends Construct {
  private readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;
  private readonly reports: Topic;

  constructor(scope: Construct, id: string, props: { mailFrom: string }) {
    super(scope, id);
    const domain = props.mailFrom.replace(/^.*<|>$/gu, '').split('@')[1] ?? props.mailFrom;
    new EmailIdentity(this, 'identity', { identity: Identity.domain(domain) });
    this.identityArn = Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain });
    // The account's suppression list as well as the platform's own: SES stops sending to these even if we did not.
    this.configurationSet = new ConfigurationSet(this, 'configuration-set', { suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS });
    this.reports = new Topic(this, 'email-reports', { displayName: 'What became of the platform\'s emails', enforceSSL: true });
    this.configurationSet.addEventDestination('to-platform', {
      destination: EventDestination.snsTopic(this.reports),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY, EmailSendingEvent.REJECT],
    });
  }

  /** What a sending function is told, so that its emails go through the configuration set. */
  environment(): Record<string, string> {
    return { SES_CONFIGURATION_SET: this.configurationSet.configurationSetName };
  }

  grantSend(grantee: IGrantable): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [this.identityArn, configurationSetArn] }),
    );
  }

  /** The health check asks SES about the account; the action has no resource to scope it to. */
  grantAccountRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['ses:GetAccount'], resources: ['*'] }));
  }

  /** The function that records the reports, subscribed to them; a report it never took is kept. */
  reportTo(fn: IFunction, deadLetters: IQueue): void {
    this.reports.addSubscription(new LambdaSubscription(fn, { deadLetterQueue: deadLetters }));
  }
}
