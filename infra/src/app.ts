import { App } from 'aws-cdk-lib';
import { addPlatformStacks } from './platform-app';
import { checkPlatform } from './platform-checks';

const app = new App();
addPlatformStacks(app);
checkPlatform(app);
app.synth();
