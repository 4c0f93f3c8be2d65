import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, Dashboard, GraphWidget, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

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
    this.topic.addSubscription(new EmailSubscription(props.alarmsTo));
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, metric: IMetric, description: string) => {
      const made = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
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
      ],
    });
  }
}
