import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { METRICS_NAMESPACE, SERVICE_NAME, platformMetrics } from '@pip/functions/kit/metric-names';
import { Construct } from 'constructs';

/**
 * Where a person should look. An email waits in the outbox while its retries back off (one minute,
 * two, four ...): half an hour is past any passing hiccup. SES reviews an account at a 5% bounce
 * rate and 0.1% complaint rate; the team hears well before, at half of each.
 */
export const alarmThresholds = {
  oldestUnsentEmailSeconds: 30 * 60,
  failedSendsPerHour: 5,
  bounceRate: 0.025,
  complaintRate: 0.0005,
} as const;

export interface AlarmsProps {
  /** The programme team's mailbox, subscribed to the topic (it confirms the subscription once). */
  alarmsTo: string;
  functions: ReadonlyMap<string, LambdaFunction>;
  stateMachine: StateMachine;
  api: HttpApi;
  deadLetters: Queue;
}

/**
 * Tells the programme team when the platform breaks, through an SNS topic of its own: not through
 * SES, which may be what broke. One alarm per thing that needs a person, and one dashboard.
 */
export class Alarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'topic', { displayName: 'Partnership Improvement Programme platform alarms', enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(props.alarmsTo, { deadLetterQueue: props.deadLetters }));
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, metric: IMetric, description: string, options: { threshold?: number; evaluationPeriods?: number; whenMissing?: TreatMissingData } = {}) => {
      const made = new Alarm(this, alarmId, {
        metric,
        threshold: options.threshold ?? 1,
        evaluationPeriods: options.evaluationPeriods ?? 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: options.whenMissing ?? TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      made.addAlarmAction(action);
      return made;
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    for (const [name, fn] of props.functions) {
      alarm(`${name}-errors`, fn.metricErrors(fiveMinutes), `${name} failed: see its log group for the error`);
      alarm(`${name}-throttles`, fn.metricThrottles(fiveMinutes), `${name} was throttled: requests were refused`);
    }
    const workflow = props.stateMachine;
    alarm('workflow-failed', workflow.metricFailed(fiveMinutes), 'An area workflow failed: its area is stuck until staff resume it');
    alarm('workflow-timed-out', workflow.metricTimedOut(fiveMinutes), 'An area workflow timed out');
    alarm('workflow-aborted', workflow.metricAborted(fiveMinutes), 'An area workflow was stopped');
    alarm('api-server-errors', props.api.metricServerError(fiveMinutes), 'The platform answered people with server errors');
    alarm(
      'dead-letters',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
      'A scheduled run or an email report failed past its retries: see the dead-letter queue',
    );

    const platformMetric = (metricName: string, statistic: string) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE_NAME }, period: Duration.minutes(5), statistic });
    const oldestUnsent = platformMetric(platformMetrics.oldestUnsentEmailAge, 'Maximum');
    alarm('emails-waiting', oldestUnsent, 'Emails have waited in the outbox for half an hour: the email service is failing, or delivery stopped running', {
      threshold: alarmThresholds.oldestUnsentEmailSeconds,
      evaluationPeriods: 2,
      // Delivery reports every minute, even an empty outbox; silence means it is not running.
      whenMissing: TreatMissingData.BREACHING,
    });
    // The outbox measures from when an email fell due, so an email the service keeps refusing (waiting for its
    // next try) is counted here instead.
    alarm('emails-failing', new Metric({ namespace: METRICS_NAMESPACE, metricName: platformMetrics.emailsFailed, dimensionsMap: { service: SERVICE_NAME }, period: Duration.hours(1), statistic: 'Sum' }), 'The email service refused or did not answer five sends in an hour', {
      threshold: alarmThresholds.failedSendsPerHour,
    });
    alarm(
      'workflow-failure-unreported',
      platformMetric(platformMetrics.staffAlertNotSent, 'Sum'),
      'An area workflow failed and the email telling staff could not be sent: look at the stuck areas in the console',
    );
    const sesReputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    const bounceRate = sesReputation('Reputation.BounceRate');
    const complaintRate = sesReputation('Reputation.ComplaintRate');
    alarm('email-bounce-rate', bounceRate, 'Too many emails bounce: check the unreachable addresses before SES reviews the account', { threshold: alarmThresholds.bounceRate });
    alarm('email-complaint-rate', complaintRate, 'People are marking the platform\'s emails as spam', { threshold: alarmThresholds.complaintRate });
    const business = (key: keyof typeof platformMetrics) => platformMetric(platformMetrics[key], 'Sum');

    new Dashboard(this, 'dashboard', {
      widgets: [
        [
          new GraphWidget({ title: 'Function errors', left: [...props.functions.values()].map((fn) => fn.metricErrors(fiveMinutes)), width: 12 }),
          new GraphWidget({ title: 'API server errors and requests', left: [props.api.metricServerError(fiveMinutes)], right: [props.api.metricCount(fiveMinutes)], width: 12 }),
        ],
        [
          new GraphWidget({ title: 'Area workflows', left: [workflow.metricStarted(fiveMinutes), workflow.metricSucceeded(fiveMinutes), workflow.metricFailed(fiveMinutes)], width: 12 }),
          new GraphWidget({ title: 'Dead letters', left: [props.deadLetters.metricApproximateNumberOfMessagesVisible()], width: 12 }),
        ],
        [
          new GraphWidget({ title: 'Oldest email waiting (seconds)', left: [oldestUnsent], width: 8 }),
          new GraphWidget({ title: 'Bounce and complaint rates', left: [bounceRate, complaintRate], width: 8 }),
          new GraphWidget({
            title: 'The programme',
            left: [business('applicationsReceived'), business('bookingsMade'), business('workflowSteps')],
            right: [business('emailsSent'), business('emailsFailed')],
            width: 8,
          }),
        ],
      ],
    });
  }
}
