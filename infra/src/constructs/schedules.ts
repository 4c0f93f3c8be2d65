import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { PlatformFunction } from '@pip/functions/routes';
import { Construct } from 'constructs';

/** Runs each function that has `everyMinutes` on that timer, as the local platform does. */
export class Schedules extends Construct {
  constructor(
    scope: Construct,
    id: string,
    props: { definitions: readonly PlatformFunction[]; functions: ReadonlyMap<string, IFunction> },
  ) {
    super(scope, id);
    for (const definition of props.definitions) {
      if (!definition.everyMinutes) continue;
      const fn = props.functions.get(definition.name);
      if (!fn) throw new Error(`No function ${definition.name}`);
      new Rule(this, `${definition.name}-schedule`, {
        schedule: Schedule.rate(Duration.minutes(definition.everyMinutes)),
        targets: [new LambdaFunction(fn, { retryAttempts: 0 })],
      });
    }
  }
}
