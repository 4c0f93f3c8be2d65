import { ArnFormat, Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  Choice,
  Condition,
  DefinitionBody,
  Fail,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { ACTION_PLAN_WEEKS, type WorkflowStep, type StaffStep } from '@pip/domain';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface AreaWorkflowProps {
  /** The function that carries out every step; the payload says which. */
  steps: IFunction;
}

/**
 * One Standard execution per area, from open recruitment to complete. Dates are Wait states on
 * timestamps the steps return; every step that waits for staff is a waitForTaskToken task whose
 * token the platform stores and completes when they act. Any step that still fails after its
 * retries records the failure and alerts staff.
 */
export class AreaWorkflow extends Construct {
  readonly stateMachine: StateMachine;
  readonly stateMachineArn: string;

  constructor(scope: Construct, id: string, props: AreaWorkflowProps) {
    super(scope, id);
    const stateMachineName = AreaWorkflow.nameIn(Stack.of(this));
    this.stateMachineArn = AreaWorkflow.arnIn(Stack.of(this));

    const recordFailureTask = new LambdaInvoke(this, 'Record failure and alert staff', {
      lambdaFunction: props.steps,
      payload: TaskInput.fromObject({ step: 'record-failure' satisfies WorkflowStep, state: JsonPath.objectAt('$') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    recordFailureTask.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(30), maxAttempts: 3, backoffRate: 2 });
    // If even the alert cannot be sent, the execution still ends failed (an alarm watches that), and the
    // step has counted the unsent alert (a second alarm), so the stuck area is never silent.
    recordFailureTask.addCatch(
      new Fail(this, 'Failed without alerting staff', { error: 'AreaWorkflowFailedUnreported', cause: 'A step failed and the alert to staff could not be sent' }),
      { errors: ['States.ALL'] },
    );
    const recordFailure = recordFailureTask.next(new Fail(this, 'Failed', { error: 'AreaWorkflowFailed', cause: 'A step failed after its retries; staff were alerted' }));

    const step = (name: string, workflowStep: WorkflowStep) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: props.steps,
        payload: TaskInput.fromObject({ step: workflowStep, state: JsonPath.objectAt('$') }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: true,
      });
      task.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(5), maxAttempts: 3, backoffRate: 2 });
      task.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
      return task;
    };

    const staffStep = (name: string, staffStep: StaffStep, timeout?: Duration) => {
      const task = new LambdaInvoke(this, name, {
        lambdaFunction: props.steps,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({ step: 'await-staff' satisfies WorkflowStep, staffStep, token: JsonPath.taskToken, state: JsonPath.objectAt('$') }),
        // The state goes on unchanged: what staff decided is in the table, not in the execution.
        resultPath: JsonPath.DISCARD,
        ...(timeout ? { taskTimeout: Timeout.duration(timeout) } : {}),
      });
      task.addRetry({ errors: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'], interval: Duration.seconds(2), maxAttempts: 6, backoffRate: 2 });
      return task;
    };

    const waitUntil = (name: string, path: string) => new Wait(this, name, { time: WaitTime.timestampPath(path) });

    const openRecruitment = step('Open recruitment', 'open-recruitment');
    // Wakes at the close, or within the hour, so a window staff change is followed either way.
    const waitForClose = waitUntil('Wait until recruitment closes', '$.recruitmentCheckAt');
    const checkRecruitment = step('Check recruitment has closed', 'check-recruitment');
    const proposeSelection = step('Propose selection', 'propose-selection');
    const awaitApproval = staffStep('Await approval of the selection', 'selection-approval');
    const sendOutcomes = step('Send outcomes', 'send-outcomes');
    const awaitPreparation = staffStep('Await area visit and workshop schedule', 'preparation');
    const sendBriefing = step('Send briefing and workshop invitations', 'send-briefing');
    const waitForWorkshops = waitUntil('Wait until the fourth workshop ends', '$.deliveryEndsAt');
    const checkDelivery = step('Check the workshops are over', 'check-delivery');
    const startActionPlan = step('Start the action plan', 'start-action-plan');
    const awaitActionPlan = staffStep('Await agreement of the action plan', 'action-plan', Duration.days(ACTION_PLAN_WEEKS * 7));
    const remindActionPlan = step('Remind staff of the action plan', 'remind-action-plan');
    const startProgressReviews = step('Start progress reviews', 'start-progress-reviews');
    const awaitProgressReviews = staffStep('Await progress reviews', 'progress-reviews');
    const startEvaluation = step('Start evaluation', 'start-evaluation');
    const awaitEvaluation = staffStep('Await evaluation', 'evaluation');
    const completeArea = step('Complete the area', 'complete-area');

    awaitActionPlan.addCatch(remindActionPlan, { errors: ['States.Timeout'], resultPath: JsonPath.DISCARD });
    for (const task of [awaitApproval, awaitPreparation, awaitActionPlan, awaitProgressReviews, awaitEvaluation]) {
      task.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.failure' });
    }
    remindActionPlan.next(awaitActionPlan);

    const afterDelivery = startActionPlan
      .next(awaitActionPlan)
      .next(startProgressReviews)
      .next(awaitProgressReviews)
      .next(startEvaluation)
      .next(awaitEvaluation)
      .next(completeArea)
      .next(new Succeed(this, 'Area complete'));

    const selectionToDelivery = proposeSelection
      .next(awaitApproval)
      .next(sendOutcomes)
      .next(awaitPreparation)
      .next(sendBriefing)
      .next(waitForWorkshops)
      .next(checkDelivery)
      .next(
        new Choice(this, 'Workshops over?')
          // Staff may move a workshop later; then wait again for the new end.
          .when(Condition.booleanEquals('$.deliveryOver', false), waitForWorkshops)
          .otherwise(afterDelivery),
      );

    const definition = openRecruitment
      .next(waitForClose)
      .next(checkRecruitment)
      .next(
        new Choice(this, 'Recruitment closed?')
          // Staff may move the close while applications are open; then wait again.
          .when(Condition.booleanEquals('$.recruitmentOver', false), waitForClose)
          .otherwise(selectionToDelivery),
      );

    this.stateMachine = new StateMachine(this, 'state-machine', {
      stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(definition),
      comment: 'Carries one area of the Partnership Improvement Programme through its stages',
      tracingEnabled: true,
      // Errors only, and without the execution data: states carry applicants' names and emails.
      logs: { destination: new LogGroup(this, 'logs', { retention: RetentionDays.ONE_YEAR }), level: LogLevel.ERROR, includeExecutionData: false },
    });
    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF1',
      reason: 'Errors only, by design: every state carries applicants\' names and email addresses, and the ERROR level with no execution data keeps them out of the logs while failures are still logged and alarmed.',
    });
    Validations.of(this.stateMachine).acknowledge({ id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray trace writes take no resource.' });
    const stepsId = Stack.of(this).getLogicalId(props.steps.node.defaultChild as CfnElement);
    Validations.of(this.stateMachine).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${stepsId}.Arn>:*]`,
      reason: 'Invoking the one steps function at any of its versions, as the Lambda task grants.',
    });
  }

  static nameIn(stack: Stack): string {
    return `${stack.stackName}-area-workflow`;
  }

  /** Built from the name, not the resource, so the functions the state machine invokes can be told it. */
  static arnIn(stack: Stack): string {
    return stack.formatArn({ service: 'states', resource: 'stateMachine', resourceName: AreaWorkflow.nameIn(stack), arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  }

  grantStart(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['states:StartExecution'], resources: [this.stateMachineArn] }));
  }

  grantTaskResponse(grantee: IGrantable): void {
    // Task-token actions take no resource narrower than every state machine.
    grantee.grantPrincipal.addToPrincipalPolicy(new PolicyStatement({ actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'], resources: ['*'] }));
  }
}
