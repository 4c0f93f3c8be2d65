import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { platformFunctions, routes, type PlatformFunction as FunctionDefinition } from '@pip/functions/routes';
import type { Construct } from 'constructs';
import { EmailSending } from './constructs/email-sending';
import { PlatformFunction } from './constructs/platform-function';
import { ProgrammeTable } from './constructs/programme-table';
import { PublicHttpApi } from './constructs/public-http-api';
import { Schedules } from './constructs/schedules';

export interface PipStackProps extends StackProps {
  /** The address emails come from; its domain must be verified in SES. */
  mailFrom: string;
}

/** Only assembles: each concern is a construct of its own. */
export class PipStack extends Stack {
  constructor(scope: Construct, id: string, props: PipStackProps) {
    super(scope, id, props);
    const table = new ProgrammeTable(this, 'programme-table');
    const email = new EmailSending(this, 'email-sending', { mailFrom: props.mailFrom });

    const functions = new Map(
      platformFunctions.map((definition: FunctionDefinition) => {
        const fn = new PlatformFunction(this, definition.name, {
          definition,
          environment: { TABLE_NAME: table.table.tableName, MAIL_FROM: props.mailFrom },
        });
        if (definition.access.table === 'read') table.table.grantReadData(fn.fn);
        if (definition.access.table === 'write') table.table.grantReadWriteData(fn.fn);
        if (definition.access.email) email.grantSend(fn.fn);
        return [definition.name, fn.fn] as const;
      }),
    );

    const api = new PublicHttpApi(this, 'public-http-api', { routes, functions });
    new Schedules(this, 'schedules', { definitions: platformFunctions, functions });
    new CfnOutput(this, 'url', { value: api.api.apiEndpoint, description: 'The platform, as people reach it' });
  }
}
