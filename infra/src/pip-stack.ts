import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { platformFunctions, routes, unmatchedRequestsFunction, type PlatformFunction as FunctionDefinition } from '@pip/functions/routes';
import type { Construct } from 'constructs';
import { EmailSending } from './constructs/email-sending';
import { PlatformFunction } from './constructs/platform-function';
import { ProgrammeTable } from './constructs/programme-table';
import { PublicHttpApi } from './constructs/public-http-api';
import { Alarms } from './constructs/alarms';
import { Schedules } from './constructs/schedules';
import { DeadLetters } from './constructs/dead-letters';
import { TableStream } from './constructs/table-stream';
import { StaffIdentity } from './constructs/staff-identity';
import { AreaWorkflow } from './constructs/area-workflow';
import { PlatformEdge } from './constructs/platform-edge';
import { METRICS_NAMESPACE, SERVICE_NAME } from '@pip/functions/kit/metric-names';
import { ASSETS_BASE_ENV } from '@pip/functions/assets/govuk-assets';

export interface PipStackProps extends StackProps {
  /** The address emails come from; its domain must be verified in SES. */
  mailFrom: string;
  /** The programme team's shared mailbox: workflow prompts and failure alerts go here. */
  staffAlertsTo: string;
  /** Who hears the platform's alarms, by SNS email rather than SES; the team's mailbox unless given. */
  alarmsTo?: string;
  /** Prefix of the staff sign-in address at amazoncognito.com; must be unique in the region. */
  staffSignInDomainPrefix: string;
  /** The edge firewall's web ACL (in us-east-1); without one the API's throttling is the only floor. */
  webAclArn?: string;
  /** The platform's own address, with a certificate for it in us-east-1; CloudFront's address otherwise. */
  domain?: { name: string; certificateArn: string };
  /** Cognito's threat protection for staff sign-in (the Plus feature plan, charged per user). */
  staffThreatProtection?: boolean;
}

/** Only assembles: each concern is a construct of its own. */
export class PipStack extends Stack {
  constructor(scope: Construct, id: string, props: PipStackProps) {
    super(scope, id, props);
    const table = new ProgrammeTable(this, 'programme-table');
    const deadLetters = new DeadLetters(this, 'dead-letters').queue;
    const email = new EmailSending(this, 'email-sending', { mailFrom: props.mailFrom });
    const api = new PublicHttpApi(this, 'public-http-api');
    const edge = new PlatformEdge(this, 'edge', { api: api.api, webAclArn: props.webAclArn, domain: props.domain });
    const publicUrl = edge.publicUrl;
    const staffIdentity = new StaffIdentity(this, 'staff-identity', {
      platformUrl: publicUrl,
      domainPrefix: props.staffSignInDomainPrefix,
      threatProtection: props.staffThreatProtection ?? false,
    });

    const functions = new Map(
      platformFunctions.map((definition: FunctionDefinition) => {
        const fn = new PlatformFunction(this, definition.name, {
          definition,
          environment: {
            TABLE_NAME: table.table.tableName,
            MAIL_FROM: props.mailFrom,
            PUBLIC_BASE_URL: publicUrl,
            [ASSETS_BASE_ENV]: edge.assetsBase,
            POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
            POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
            ...staffIdentity.environment(publicUrl),
            STATE_MACHINE_ARN: AreaWorkflow.arnIn(this),
            STAFF_ALERTS_TO: props.staffAlertsTo,
            ...(definition.access.email ? email.environment() : {}),
          },
        });
        if (definition.access.table) table.grant(fn.fn, definition.access.table);
        if (definition.access.email) email.grantSend(fn.fn);
        if (definition.access.emailAccount) email.grantAccountRead(fn.fn);
        if ('emailReports' in definition && definition.emailReports) email.reportTo(fn.fn, deadLetters);
        return [definition.name, fn.fn] as const;
      }),
    );

    const workflow = new AreaWorkflow(this, 'area-workflow-state-machine', { steps: functions.get('area-workflow')! });
    for (const definition of platformFunctions) {
      const fn = functions.get(definition.name)!;
      const access = definition.access as FunctionDefinition['access'];
      if (access.workflow?.includes('start')) workflow.grantStart(fn);
      if (access.workflow?.includes('respond')) workflow.grantTaskResponse(fn);
    }

    api.serve(routes, unmatchedRequestsFunction, functions);
    new Schedules(this, 'schedules', { definitions: platformFunctions, functions, deadLetters });
    for (const definition of platformFunctions) {
      if ('tableStream' in definition) new TableStream(this, `${definition.name}-table-stream`, { table: table.table, fn: functions.get(definition.name)!, deadLetters });
    }
    new Alarms(this, 'alarms', { alarmsTo: props.alarmsTo ?? props.staffAlertsTo, functions, stateMachine: workflow.stateMachine, api: api.api, deadLetters });
    new CfnOutput(this, 'url', { value: publicUrl, description: 'The platform, as people reach it' });
    if (props.domain) {
      new CfnOutput(this, 'dns-target', { value: edge.distribution.distributionDomainName, description: `Point ${props.domain.name} here (CNAME or alias)` });
    }
    new CfnOutput(this, 'staff-user-pool', { value: staffIdentity.userPool.userPoolId, description: 'Add staff here, in the staff group' });
  }
}
