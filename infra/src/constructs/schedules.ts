import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { PlatformFunction } from '@pip/functions/routes';
import { Construct } from 'constructs';

/**
 * Runs each function that has `everyMinutes` on that timer, as the local platform does. A run that
 * fails is tried again, and one that never succeeds, or an asynchronous invocation (a schedule's, an
 * email report's) that fails past its retries, lands in one dead-letter queue that an alarm watches:
 * nothing is dropped silently.
 */
export class Schedules extends Construct {
  private readonly deadLetters: Queue;

  constructor(
    scope: Construct,
    id: string,
    props: { definitions: readonly PlatformFunction[]; functions: ReadonlyMap<string, IFunction>; deadLetters: Queue },
  ) {
    super(scope, id);
    this.deadLetters = props.deadLetters;
    for (const definition of props.definitions) {
      const fn = props.functions.get(definition.name);
      if (!fn) throw new Error(`No function ${definition.name}`);
      const asynchronous = Boolean(definition.everyMinutes) || Boolean(definition.emailReports);
      if (asynchronous) fn.configureAsyncInvoke({ retryAttempts: 2, onFailure: new SqsDestination(this.deadLetters) });
      if (!definition.everyMinutes) continue;
      new Rule(this, `${definition.name}-schedule`, {
        schedule: Schedule.rate(Duration.minutes(definition.everyMinutes)),
        targets: [new LambdaFunction(fn, { retryAttempts: 2, maxEventAge: Duration.minutes(definition.everyMinutes), deadLetterQueue: this.deadLetters })],
      });
    }
  }
}
