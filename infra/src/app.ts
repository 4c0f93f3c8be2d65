import { App } from 'aws-cdk-lib';
import { PipStack } from './pip-stack';

const app = new App();
new PipStack(app, 'pip-platform', {
  mailFrom: app.node.tryGetContext('mailFrom') ?? 'programme@example.org',
  description: 'Partnership Improvement Programme platform',
});
app.synth();
