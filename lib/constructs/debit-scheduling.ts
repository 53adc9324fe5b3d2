import { ArnFormat, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeFinding } from '../nag';

export interface DebitSchedulingProps {
  readonly resourcePrefix: string;
  /**
   * Physical name of the function the one-off schedules run. By name, not by its ARN attribute: that
   * function schedules re-presentments too, and its own ARN in its environment would be a circular reference.
   */
  readonly targetFunctionName: string;
  /** Where Scheduler puts a delivery that still fails after its retries. */
  readonly deadLetterQueue: IQueue;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * Real-time debits through EventBridge Scheduler one-off schedules: the schedule group they live in, the
 * role Scheduler assumes to run them, and what a function that creates them needs.
 */
export class DebitScheduling extends Construct {
  readonly group: ScheduleGroup;
  /** Assumed by Scheduler to run the schedules. */
  readonly role: Role;
  /** What `debitSchedulerFromEnvironment` reads. */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: DebitSchedulingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.group = new ScheduleGroup(this, 'Group', {
      scheduleGroupName: `${props.resourcePrefix}-debits`,
      removalPolicy: props.removalPolicy,
    });
    this.role = new Role(this, 'SchedulerRole', {
      // Only Scheduler acting for this account may assume it (no confused deputy).
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'Assumed by EventBridge Scheduler to run one-off debit schedules.',
    });
    // Scheduler sends failed deliveries to the dead-letter queue with the schedule's role.
    this.role.addToPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }),
    );
    this.environment = {
      DEBIT_SCHEDULE_GROUP: this.group.scheduleGroupName,
      DEBIT_TARGET_ARN: stack.formatArn({
        service: 'lambda',
        resource: 'function',
        resourceName: props.targetFunctionName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      DEBIT_SCHEDULER_ROLE_ARN: this.role.roleArn,
      DEBIT_SCHEDULE_DLQ_ARN: props.deadLetterQueue.queueArn,
    };
  }

  /** The schedules may invoke this function (the one named as their target). */
  allowInvoking(fn: IFunction): void {
    this.role.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.functionArn] }),
    );
  }

  /** Lets a function create one-off schedules in the group and hand them the Scheduler role, nothing more. */
  grantScheduling(functionId: string, fn: IFunction): void {
    const schedulesInGroup = Stack.of(this).formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.group.scheduleGroupName}/*`,
    });
    const policy = new Policy(this, `${functionId}Scheduling`, {
      statements: [
        new PolicyStatement({ actions: ['scheduler:CreateSchedule'], resources: [schedulesInGroup] }),
        new PolicyStatement({
          actions: ['iam:PassRole'],
          resources: [this.role.roleArn],
          conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
        }),
      ],
    });
    fn.role!.attachInlinePolicy(policy);
    fn.node.addDependency(this.group);
    acknowledgeFinding(
      policy,
      `IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.group.scheduleGroupName}/*]`,
      'Each debit attempt gets its own one-off schedule, named when it is planned: only the debit group is open.',
    );
  }
}
