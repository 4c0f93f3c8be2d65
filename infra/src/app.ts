import { App, Aws } from 'aws-cdk-lib';
import { PipStack } from './pip-stack';

const app = new App();
new PipStack(app, 'pip-platform', {
  mailFrom: app.node.tryGetContext('mailFrom') ?? 'programme@example.org',
  staffAlertsTo: app.node.tryGetContext('staffAlertsTo') ?? app.node.tryGetContext('mailFrom') ?? 'programme@example.org',
  alarmsTo: app.node.tryGetContext('alarmsTo'),
  // The account number keeps the default unique without anyone having to choose one.
  staffSignInDomainPrefix: app.node.tryGetContext('staffSignInDomainPrefix') ?? `pip-platform-${Aws.ACCOUNT_ID}`,
  description: 'Partnership Improvement Programme platform',
});
app.synth();
