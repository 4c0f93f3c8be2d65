import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';

/**
 * The AWS Solutions and Serverless rule packs over every stack, as CDK policy validation plugins:
 * a finding not acknowledged (with its reason, beside the resource it concerns) fails the synth.
 */
export function checkPlatform(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }), new ServerlessChecks(app, { verbose: true }));
}
