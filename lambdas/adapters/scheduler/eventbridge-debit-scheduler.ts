/**
 * Debit attempts run at their time through EventBridge Scheduler one-off schedules (`at(...)`, UTC) in the
 * stage's debit schedule group, targeting the function that executes debits with the attempt's key as input.
 * Locally, `local/scheduler-api.ts` answers the same API, so this adapter runs unchanged there.
 */
import { createHash } from 'node:crypto';
import { ConflictException, CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { TARGET_DELIVERY } from '../../../catalog/functions';
import type { AttemptKey, DebitAttempt, DebitScheduler } from '../../domain/payments/payments';
import { ConfigError } from '../../runtime/config';
import { lazyClient } from '../lazy-client';

export interface DebitSchedulerSettings {
  readonly groupName: string;
  /** The function that executes debit attempts. */
  readonly targetArn: string;
  /** The role EventBridge Scheduler assumes to invoke the target. */
  readonly roleArn: string;
  /** SQS queue for deliveries that still fail after the retries. */
  readonly deadLetterArn?: string;
  readonly now?: () => Date;
}

/** Scheduler names: at most 64 characters of `[0-9a-zA-Z-_.]`. */
const MAX_NAME_LENGTH = 64;
const HASH_LENGTH = 24;
const MINUTE_MS = 60_000;

/**
 * The attempt's schedule name, the same on every call: a readable part for the console, and a hash of the
 * account and attempt that keeps names unique however long or odd the ids are.
 */
export function debitScheduleName(attempt: AttemptKey): string {
  const hash = createHash('sha256')
    .update(`${attempt.accountId}\n${attempt.attemptId}`)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const readable = `debit-${attempt.attemptId.replace(/[^0-9a-zA-Z_.-]+/g, '-')}`;
  return `${readable.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)}-${hash}`;
}

/** `at(yyyy-mm-ddThh:mm:ss)` in UTC, rounded up to the second so it never runs before `debitAt`. */
const atExpression = (at: Date) =>
  `at(${new Date(Math.ceil(at.getTime() / 1000) * 1000).toISOString().slice(0, 19)})`;

export class EventBridgeDebitScheduler implements DebitScheduler {
  private readonly now: () => Date;

  constructor(
    private readonly client: SchedulerClient,
    private readonly settings: DebitSchedulerSettings,
  ) {
    this.now = settings.now ?? (() => new Date());
  }

  async scheduleAttempt(attempt: Pick<DebitAttempt, 'accountId' | 'attemptId' | 'debitAt'>): Promise<void> {
    const debitAt = new Date(attempt.debitAt);
    if (Number.isNaN(debitAt.getTime())) {
      throw new RangeError(`Debit attempt ${attempt.attemptId} has no valid debitAt: ${attempt.debitAt}`);
    }
    // Scheduler is not documented to run an at() time already past (reports say it is refused): a minute
    // from now at the earliest; the debits sweep is the backstop if even that is missed.
    const at = new Date(Math.max(debitAt.getTime(), this.now().getTime() + MINUTE_MS));
    const input: AttemptKey = { accountId: attempt.accountId, attemptId: attempt.attemptId };
    try {
      await this.client.send(
        new CreateScheduleCommand({
          Name: debitScheduleName(attempt),
          GroupName: this.settings.groupName,
          Description: `Debit attempt ${attempt.attemptId} of account ${attempt.accountId}`,
          ScheduleExpression: atExpression(at),
          ScheduleExpressionTimezone: 'UTC',
          FlexibleTimeWindow: { Mode: 'OFF' },
          ActionAfterCompletion: 'DELETE',
          Target: {
            Arn: this.settings.targetArn,
            RoleArn: this.settings.roleArn,
            Input: JSON.stringify(input),
            RetryPolicy: {
              MaximumRetryAttempts: TARGET_DELIVERY.retryAttempts,
              MaximumEventAgeInSeconds: TARGET_DELIVERY.maxEventAgeHours * 3600,
            },
            ...(this.settings.deadLetterArn
              ? { DeadLetterConfig: { Arn: this.settings.deadLetterArn } }
              : {}),
          },
        }),
      );
    } catch (error) {
      // The name is the attempt's: a conflict means this attempt is already scheduled.
      if (error instanceof ConflictException) return;
      throw error;
    }
  }
}

/** The env vars the stack gives every function that schedules debits. */
export interface DebitSchedulerEnvironment {
  readonly DEBIT_SCHEDULE_GROUP?: string;
  readonly DEBIT_TARGET_ARN?: string;
  readonly DEBIT_SCHEDULER_ROLE_ARN?: string;
  readonly DEBIT_SCHEDULE_DLQ_ARN?: string;
}

/**
 * The debit scheduler as the function's environment configures it; `AWS_ENDPOINT_URL_SCHEDULER` points the
 * client at the local Scheduler API when running locally.
 */
export function debitSchedulerFromEnvironment(
  env: DebitSchedulerEnvironment = process.env,
  client: SchedulerClient = lazyClient(() => new SchedulerClient({})),
): EventBridgeDebitScheduler {
  const { DEBIT_SCHEDULE_GROUP, DEBIT_TARGET_ARN, DEBIT_SCHEDULER_ROLE_ARN, DEBIT_SCHEDULE_DLQ_ARN } = env;
  if (!DEBIT_SCHEDULE_GROUP || !DEBIT_TARGET_ARN || !DEBIT_SCHEDULER_ROLE_ARN) {
    const missing = Object.entries({ DEBIT_SCHEDULE_GROUP, DEBIT_TARGET_ARN, DEBIT_SCHEDULER_ROLE_ARN })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    throw new ConfigError(`Debit scheduling is not configured: ${missing.join(', ')} missing.`);
  }
  return new EventBridgeDebitScheduler(client, {
    groupName: DEBIT_SCHEDULE_GROUP,
    targetArn: DEBIT_TARGET_ARN,
    roleArn: DEBIT_SCHEDULER_ROLE_ARN,
    ...(DEBIT_SCHEDULE_DLQ_ARN ? { deadLetterArn: DEBIT_SCHEDULE_DLQ_ARN } : {}),
  });
}
