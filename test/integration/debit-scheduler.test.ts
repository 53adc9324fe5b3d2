import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  debitScheduleName,
  debitSchedulerFromEnvironment,
  EventBridgeDebitScheduler,
} from '../../lambdas/adapters/scheduler/eventbridge-debit-scheduler';
import { ConfigError } from '../../lambdas/runtime/config';
import {
  functionIdOfArn,
  LOCAL_DEBIT_SCHEDULE_GROUP,
  type LocalSchedulerApi,
  localDebitSchedulingEnvironment,
  localFunctionArn,
  startLocalSchedulerApi,
} from '../../local/scheduler-api';
import { localCredentials } from '../support/dynamodb';

const TARGET_ARN = localFunctionArn('executeDebit');
const ROLE_ARN = 'arn:aws:iam::000000000000:role/local-debit-scheduler';
const DLQ_ARN = 'arn:aws:sqs:us-east-1:000000000000:debit-schedule-dlq';

const clientFor = (endpoint: string) =>
  new SchedulerClient({ endpoint, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });

/** A valid one-off request, to break one field at a time. */
const oneOff = (overrides: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: 'one-off',
  GroupName: LOCAL_DEBIT_SCHEDULE_GROUP,
  ScheduleExpression: 'at(2026-12-08T09:00:00)',
  FlexibleTimeWindow: { Mode: 'OFF' },
  Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, Input: '{}' },
  ...overrides,
});

describe('EventBridge debit scheduler (real SDK client) against the local Scheduler API', () => {
  let now = new Date('2026-12-01T10:00:00.000Z');
  const fired: Array<{ arn: string; input: unknown }> = [];
  let failing = new Set<string>();
  let api: LocalSchedulerApi;
  let client: SchedulerClient;
  let scheduler: EventBridgeDebitScheduler;

  beforeAll(async () => {
    api = await startLocalSchedulerApi({
      clock: () => now,
      retryDelayMs: 0,
      fire: async (arn, input) => {
        fired.push({ arn, input });
        if (failing.has((input as { attemptId: string }).attemptId)) throw new Error('bank unreachable');
      },
    });
    client = clientFor(api.url);
    scheduler = new EventBridgeDebitScheduler(client, {
      groupName: LOCAL_DEBIT_SCHEDULE_GROUP,
      targetArn: TARGET_ARN,
      roleArn: ROLE_ARN,
      deadLetterArn: DLQ_ARN,
      now: () => now,
    });
  });
  afterAll(async () => {
    client.destroy();
    await api.stop();
  });
  beforeEach(() => {
    now = new Date('2026-12-01T10:00:00.000Z');
    fired.length = 0;
    failing = new Set();
  });
  // Every test starts from an empty group: what is left over is fired (and deleted) here.
  afterEach(async () => {
    now = new Date('2100-01-01T00:00:00Z');
    await api.runDue();
  });

  const attempt = {
    accountId: 'ACC-000123',
    attemptId: 'plan-2026-12-05#1',
    debitAt: '2026-12-08T09:00:00.000Z',
  };
  const name = debitScheduleName(attempt);

  it('creates a one-off UTC schedule at debitAt that runs the debit target with the attempt key, then deletes itself', async () => {
    await scheduler.scheduleAttempt(attempt);
    const schedule = await client.send(
      new GetScheduleCommand({ Name: name, GroupName: LOCAL_DEBIT_SCHEDULE_GROUP }),
    );
    expect(schedule).toMatchObject({
      Name: name,
      GroupName: LOCAL_DEBIT_SCHEDULE_GROUP,
      ScheduleExpression: 'at(2026-12-08T09:00:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: TARGET_ARN,
        RoleArn: ROLE_ARN,
        RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 6 * 3600 },
        DeadLetterConfig: { Arn: DLQ_ARN },
      },
    });
    expect(JSON.parse(schedule.Target!.Input!)).toEqual({
      accountId: 'ACC-000123',
      attemptId: 'plan-2026-12-05#1',
    });
    expect(schedule.CreationDate).toEqual(now);
  });

  it('leaves one schedule when the same attempt is scheduled twice', async () => {
    await scheduler.scheduleAttempt(attempt);
    await scheduler.scheduleAttempt(attempt);
    const { Schedules } = await client.send(
      new ListSchedulesCommand({ GroupName: LOCAL_DEBIT_SCHEDULE_GROUP }),
    );
    expect(Schedules?.map((s) => s.Name)).toEqual([name]);
  });

  it('gives attempts of other accounts their own schedule', async () => {
    await scheduler.scheduleAttempt(attempt);
    await scheduler.scheduleAttempt({ ...attempt, accountId: 'ACC-000124' });
    expect(api.schedules()).toHaveLength(2);
  });

  it('fires at its time, not before, with the attempt key as input, and is then deleted', async () => {
    await scheduler.scheduleAttempt(attempt);
    now = new Date('2026-12-08T08:59:59.000Z');
    expect(await api.runDue()).toBe(0);
    expect(fired).toEqual([]);

    now = new Date('2026-12-08T09:00:00.000Z');
    expect(await api.runDue()).toBe(1);
    expect(fired).toEqual([
      { arn: TARGET_ARN, input: { accountId: 'ACC-000123', attemptId: 'plan-2026-12-05#1' } },
    ]);
    expect(api.schedules()).toEqual([]);
    await expect(
      client.send(new GetScheduleCommand({ Name: name, GroupName: LOCAL_DEBIT_SCHEDULE_GROUP })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await api.runDue()).toBe(0);
    expect(fired).toHaveLength(1);
  });

  it('schedules a debitAt already past (or within the minute) a minute from now', async () => {
    now = new Date('2026-12-08T09:30:00.250Z');
    await scheduler.scheduleAttempt(attempt);
    await scheduler.scheduleAttempt({
      ...attempt,
      attemptId: 'plan-2026-12-05#2',
      debitAt: '2026-12-08T09:30:30.000Z',
    });
    expect(api.schedules().map((s) => s.expression)).toEqual([
      'at(2026-12-08T09:31:01)',
      'at(2026-12-08T09:31:01)',
    ]);
  });

  it('rounds a debitAt with milliseconds up, never running before it', async () => {
    await scheduler.scheduleAttempt({ ...attempt, debitAt: '2026-12-08T09:00:00.001Z' });
    expect(api.schedules().map((s) => s.expression)).toEqual(['at(2026-12-08T09:00:01)']);
  });

  it('retries a failing delivery by the target retry policy, then hands it to the dead-letter queue and deletes the schedule', async () => {
    failing = new Set([attempt.attemptId]);
    await scheduler.scheduleAttempt(attempt);
    now = new Date('2026-12-08T09:00:00.000Z');
    await api.runDue();
    expect(fired).toHaveLength(1 + 4);
    expect(api.failedDeliveries.at(-1)).toMatchObject({
      targetArn: TARGET_ARN,
      deadLetterArn: DLQ_ARN,
      input: { accountId: 'ACC-000123', attemptId: 'plan-2026-12-05#1' },
      error: 'bank unreachable',
    });
    expect(api.schedules()).toEqual([]);
  });

  it('refuses an attempt without a valid debitAt', async () => {
    await expect(scheduler.scheduleAttempt({ ...attempt, debitAt: 'soon' })).rejects.toThrow(RangeError);
  });

  it.each([
    ['a name longer than 64 characters', { Name: 'x'.repeat(65) }, /Name/],
    ['a name with other characters', { Name: 'debit#1' }, /Name/],
    ['a recurring expression', { ScheduleExpression: 'rate(5 minutes)' }, /not supported by the local/],
    ['a malformed at()', { ScheduleExpression: 'at(2026-12-08 09:00)' }, /Invalid Schedule Expression/],
    [
      'a date that does not exist',
      { ScheduleExpression: 'at(2026-02-30T09:00:00)' },
      /Invalid Schedule Expression/,
    ],
    ['a time in the past', { ScheduleExpression: 'at(2026-12-01T09:59:59)' }, /in the past/],
    ['another time zone', { ScheduleExpressionTimezone: 'Europe/London' }, /not supported locally/],
    ['a target that is not an ARN', { Target: { Arn: 'executeDebit', RoleArn: ROLE_ARN } }, /Target.Arn/],
    ['a target without a role', { Target: { Arn: TARGET_ARN, RoleArn: 'scheduler' } }, /RoleArn/],
    ['an unknown window mode', { FlexibleTimeWindow: { Mode: 'SOMETIMES' as 'OFF' } }, /FlexibleTimeWindow/],
    [
      'a dead-letter target that is not a queue',
      { Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, DeadLetterConfig: { Arn: TARGET_ARN } } },
      /DeadLetterConfig/,
    ],
  ])('answers %s with a ValidationException', async (_, overrides, message) => {
    const error = await client.send(new CreateScheduleCommand(oneOff(overrides))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    expect(error).toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(message);
    expect(api.schedules()).toEqual([]);
  });

  it('answers a second schedule of the same name in a group with a ConflictException', async () => {
    await client.send(new CreateScheduleCommand(oneOff()));
    const error = await client.send(new CreateScheduleCommand(oneOff())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 409 } });
    // Names are unique per group, not across groups.
    await client.send(new CreateScheduleCommand(oneOff({ GroupName: 'default' })));
    expect(api.schedules()).toHaveLength(2);
  });

  it('answers an unknown group or schedule with a ResourceNotFoundException', async () => {
    await expect(
      client.send(new CreateScheduleCommand(oneOff({ GroupName: 'nobody' }))),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      client.send(new GetScheduleCommand({ Name: 'missing', GroupName: LOCAL_DEBIT_SCHEDULE_GROUP })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  });
});

describe('local Scheduler API timers', () => {
  it('fires a one-off by itself when its time comes, on the clock it was given', async () => {
    const realNow = Date.now();
    const at = new Date(Math.ceil(realNow / 1000) * 1000 + 1000);
    // The API's clock runs 200 ms before `at`: the timer, not a test, must fire it.
    const offsetMs = at.getTime() - 200 - realNow;
    let delivered!: (input: unknown) => void;
    const delivery = new Promise((resolve) => (delivered = resolve));
    const api = await startLocalSchedulerApi({
      clock: () => new Date(Date.now() + offsetMs),
      fire: async (_arn, input) => delivered(input),
    });
    const client = clientFor(api.url);
    try {
      await client.send(
        new CreateScheduleCommand(
          oneOff({
            ScheduleExpression: `at(${at.toISOString().slice(0, 19)})`,
            ActionAfterCompletion: 'DELETE',
            Target: { Arn: TARGET_ARN, RoleArn: ROLE_ARN, Input: '{"attemptId":"a#1"}' },
          }),
        ),
      );
      expect(await delivery).toEqual({ attemptId: 'a#1' });
      await vi.waitFor(() => expect(api.schedules()).toEqual([]));
    } finally {
      client.destroy();
      await api.stop();
    }
  });

  it('never fires after stop', async () => {
    const fire = vi.fn(async () => undefined);
    let now = new Date('2026-12-01T10:00:00Z');
    const api = await startLocalSchedulerApi({ clock: () => now, fire });
    const client = clientFor(api.url);
    await client.send(new CreateScheduleCommand(oneOff()));
    client.destroy();
    await api.stop();
    now = new Date('2026-12-09T00:00:00Z');
    expect(await api.runDue()).toBe(0);
    expect(fire).not.toHaveBeenCalled();
  });
});

describe('debit scheduler configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('names the missing settings', () => {
    expect(() => debitSchedulerFromEnvironment({ DEBIT_SCHEDULE_GROUP: 'g' })).toThrow(ConfigError);
    expect(() => debitSchedulerFromEnvironment({ DEBIT_SCHEDULE_GROUP: 'g' })).toThrow(
      /DEBIT_TARGET_ARN, DEBIT_SCHEDULER_ROLE_ARN missing/,
    );
  });

  it('reaches the local API through the environment the local runtime sets', async () => {
    let now = new Date();
    const fire = vi.fn(async () => undefined);
    const api = await startLocalSchedulerApi({ clock: () => now, fire });
    try {
      for (const [name, value] of Object.entries({
        ...localDebitSchedulingEnvironment(api.url),
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      })) {
        vi.stubEnv(name, value);
      }
      await debitSchedulerFromEnvironment().scheduleAttempt({
        accountId: 'ACC-1',
        attemptId: 'statement-2026-12-01#1',
        debitAt: new Date(now.getTime() + 3_600_000).toISOString(),
      });
      expect(api.schedules()).toMatchObject([
        { groupName: LOCAL_DEBIT_SCHEDULE_GROUP, targetArn: TARGET_ARN },
      ]);
      now = new Date(now.getTime() + 2 * 3_600_000);
      await api.runDue();
      expect(fire).toHaveBeenCalledWith(TARGET_ARN, {
        accountId: 'ACC-1',
        attemptId: 'statement-2026-12-01#1',
      });
      expect(functionIdOfArn(TARGET_ARN)).toBe('executeDebit');
    } finally {
      await api.stop();
    }
  });
});

describe('debit schedule names', () => {
  it('are valid Scheduler names, readable, and differ per account and attempt', () => {
    const long = { accountId: 'ACC-1', attemptId: `${'statement-'.repeat(10)}2026-12-01#12` };
    for (const key of [long, { accountId: 'ACC-1', attemptId: 'plan-2026-12-05#1' }]) {
      expect(debitScheduleName(key)).toMatch(/^debit-[0-9a-zA-Z-_.]+$/);
      expect(debitScheduleName(key).length).toBeLessThanOrEqual(64);
      expect(debitScheduleName(key)).toBe(debitScheduleName({ ...key }));
    }
    expect(debitScheduleName({ accountId: 'ACC-1', attemptId: 'plan-2026-12-05#1' })).toMatch(
      /^debit-plan-2026-12-05-1-[0-9a-f]{24}$/,
    );
    expect(debitScheduleName({ accountId: 'ACC-2', attemptId: 'plan-2026-12-05#1' })).not.toBe(
      debitScheduleName({ accountId: 'ACC-1', attemptId: 'plan-2026-12-05#1' }),
    );
  });

  it('map local target ARNs back to catalog functions, and refuse others', () => {
    expect(functionIdOfArn('arn:aws:lambda:eu-west-1:000000000000:function:executeDebit:live')).toBe(
      'executeDebit',
    );
    expect(() => functionIdOfArn('arn:aws:lambda:eu-west-1:000000000000:function:nope')).toThrow(/catalog/);
    expect(() => functionIdOfArn('executeDebit')).toThrow(/catalog/);
  });
});
