/**
 * A local stand-in for EventBridge Scheduler's one-off schedules. It speaks the Scheduler REST-JSON API
 * (CreateSchedule, GetSchedule, DeleteSchedule, ListSchedules) well enough for the real SDK v3 client
 * (pointed here by AWS_ENDPOINT_URL_SCHEDULER), validates requests where AWS would refuse them, with AWS's
 * error names, fires each `at(...)` schedule at its time with its target's retry policy, and deletes it
 * afterwards when asked to (ActionAfterCompletion DELETE). Recurring `rate`/`cron` schedules are not
 * supported here: the catalog's recurring schedules run on `local/scheduler.ts`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FUNCTIONS } from '../catalog/functions';

export const LOCAL_ACCOUNT_ID = '000000000000';
/** The debit schedule group locally (`<resourcePrefix>-debits` in AWS). */
export const LOCAL_DEBIT_SCHEDULE_GROUP = 'collections-local-debits';
const DEFAULT_GROUP = 'default';

/** Scheduler's own defaults when a target gives no retry policy. */
const DEFAULT_RETRY_ATTEMPTS = 185;
const DEFAULT_MAX_EVENT_AGE_SECONDS = 86_400;
/** Backoff between delivery attempts doubles from `retryDelayMs` up to this. */
const MAX_RETRY_DELAY_MS = 60_000;
/** setTimeout's ceiling (~24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const NAME = /^[0-9a-zA-Z-_.]{1,64}$/;
const AT = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const QUEUE_ARN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9-_]+$/;
const FUNCTION_ARN =
  /^arn:aws(-[a-z]+)?:lambda:[a-z0-9-]+:\d{12}:function:([a-zA-Z0-9-_]+)(:[a-zA-Z0-9-_$]+)?$/;

const region = () => process.env.AWS_REGION ?? 'us-east-1';

/** The ARN the local runtime gives a catalog function, as a Scheduler target. */
export const localFunctionArn = (functionId: string) =>
  `arn:aws:lambda:${region()}:${LOCAL_ACCOUNT_ID}:function:${functionId}`;

/** The catalog function a Lambda ARN names (unqualified or with a version/alias). */
export function functionIdOfArn(arn: string): string {
  const functionId = FUNCTION_ARN.exec(arn)?.[2];
  if (!functionId || !FUNCTIONS.some((fn) => fn.id === functionId)) {
    throw new Error(
      `${arn} is not the ARN of a catalog function (arn:aws:lambda:<region>:<account>:function:<id>).`,
    );
  }
  return functionId;
}

/**
 * What a function that schedules debits needs in its environment locally: the endpoint of this API and the
 * same settings the stack gives it in AWS.
 */
export function localDebitSchedulingEnvironment(apiUrl: string): Record<string, string> {
  const targets = FUNCTIONS.filter((fn) => fn.runsScheduledDebits);
  if (targets.length !== 1) throw new Error('Exactly one catalog function must have runsScheduledDebits.');
  return {
    AWS_ENDPOINT_URL_SCHEDULER: apiUrl,
    DEBIT_SCHEDULE_GROUP: LOCAL_DEBIT_SCHEDULE_GROUP,
    DEBIT_TARGET_ARN: localFunctionArn(targets[0]!.id),
    DEBIT_SCHEDULER_ROLE_ARN: `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/local-debit-scheduler`,
  };
}

interface Target {
  readonly Arn: string;
  readonly RoleArn: string;
  readonly Input?: string;
  readonly RetryPolicy?: { MaximumRetryAttempts?: number; MaximumEventAgeInSeconds?: number };
  readonly DeadLetterConfig?: { Arn?: string };
}

interface StoredSchedule {
  readonly name: string;
  readonly groupName: string;
  readonly arn: string;
  readonly expression: string;
  readonly at: Date;
  readonly description?: string;
  readonly flexibleTimeWindow: { Mode: string; MaximumWindowInMinutes?: number };
  readonly target: Target;
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
  readonly state: 'ENABLED' | 'DISABLED';
  readonly createdAt: Date;
  /** `pending` until its time; a one-off never runs twice, so `completed` ones are only kept for reading. */
  status: 'pending' | 'running' | 'completed';
}

export interface LocalScheduleView {
  readonly name: string;
  readonly groupName: string;
  readonly arn: string;
  readonly expression: string;
  readonly at: string;
  readonly targetArn: string;
  readonly input: unknown;
  readonly actionAfterCompletion: 'NONE' | 'DELETE';
  readonly state: 'ENABLED' | 'DISABLED';
  readonly status: 'pending' | 'running' | 'completed';
}

export interface FailedDelivery {
  readonly scheduleArn: string;
  readonly targetArn: string;
  readonly input: unknown;
  /** Where AWS would have sent it; none when the target has no dead-letter queue (AWS drops it). */
  readonly deadLetterArn?: string;
  readonly error: string;
  readonly failedAt: string;
}

export interface LocalSchedulerApiOptions {
  /** Delivers a schedule's input to its target; a rejection is a failed delivery, retried by the policy. */
  readonly fire: (functionArn: string, input: unknown) => Promise<unknown>;
  readonly clock?: () => Date;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Schedule groups that exist besides `default` (the stack creates them in AWS). */
  readonly groups?: readonly string[];
  /** First backoff between delivery attempts. */
  readonly retryDelayMs?: number;
  readonly onFailedDelivery?: (failure: FailedDelivery) => void;
}

export interface LocalSchedulerApi {
  readonly url: string;
  schedules(): LocalScheduleView[];
  /** Deliveries that failed after every retry. */
  readonly failedDeliveries: readonly FailedDelivery[];
  /** Fires every enabled schedule whose time has come and waits for the deliveries; returns how many. */
  runDue(): Promise<number>;
  stop(): Promise<void>;
}

class SchedulerError extends Error {
  constructor(
    readonly type: 'ValidationException' | 'ConflictException' | 'ResourceNotFoundException',
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Record<SchedulerError['type'] | 'UnknownOperationException', number> = {
  ValidationException: 400,
  ConflictException: 409,
  ResourceNotFoundException: 404,
  UnknownOperationException: 404,
};

const invalid = (message: string) => new SchedulerError('ValidationException', message);

/** A Lambda target gets the Input as its event: JSON becomes the object, as Lambda parses a payload. */
function targetInput(input: string | undefined): unknown {
  if (input === undefined) return {};
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

/** Epoch seconds: the REST-JSON protocol's timestamp format. */
const epochSeconds = (date: Date) => date.getTime() / 1000;

function parseAt(expression: unknown, timezone: unknown): Date {
  if (typeof expression !== 'string' || expression.length === 0) {
    throw invalid('ScheduleExpression is required.');
  }
  if (/^(rate|cron)\(/.test(expression)) {
    throw invalid(
      `${expression}: recurring schedules are not supported by the local Scheduler API, only one-off at(...) schedules.`,
    );
  }
  const parts = AT.exec(expression);
  if (!parts) throw invalid(`Invalid Schedule Expression ${expression}.`);
  if (timezone !== undefined && timezone !== 'UTC') {
    throw invalid(`ScheduleExpressionTimezone ${String(timezone)} is not supported locally: use UTC.`);
  }
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 2026-02-30 over into March: a real date reads back the same.
  if (at.toISOString().slice(0, 19) !== expression.slice(3, 22)) {
    throw invalid(`Invalid Schedule Expression ${expression}.`);
  }
  return at;
}

function validateTarget(target: unknown): Target {
  if (typeof target !== 'object' || target === null) throw invalid('Target is required.');
  const { Arn, RoleArn, Input, RetryPolicy, DeadLetterConfig } = target as Partial<Target>;
  if (typeof Arn !== 'string' || !Arn.startsWith('arn:')) throw invalid('Target.Arn must be an ARN.');
  if (typeof RoleArn !== 'string' || !ROLE_ARN.test(RoleArn)) {
    throw invalid('Target.RoleArn must be the ARN of an IAM role.');
  }
  if (Input !== undefined && (typeof Input !== 'string' || Input.length === 0)) {
    throw invalid('Target.Input must be a non-empty string.');
  }
  const attempts = RetryPolicy?.MaximumRetryAttempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 0 && attempts <= 185)) {
    throw invalid('RetryPolicy.MaximumRetryAttempts must be between 0 and 185.');
  }
  const age = RetryPolicy?.MaximumEventAgeInSeconds;
  if (age !== undefined && !(Number.isInteger(age) && age >= 60 && age <= 86_400)) {
    throw invalid('RetryPolicy.MaximumEventAgeInSeconds must be between 60 and 86400.');
  }
  if (DeadLetterConfig && !QUEUE_ARN.test(DeadLetterConfig.Arn ?? '')) {
    throw invalid('DeadLetterConfig.Arn must be the ARN of an SQS queue.');
  }
  return target as Target;
}

function validateFlexibleTimeWindow(window: unknown): StoredSchedule['flexibleTimeWindow'] {
  const { Mode, MaximumWindowInMinutes } = (window ?? {}) as {
    Mode?: unknown;
    MaximumWindowInMinutes?: unknown;
  };
  if (Mode === 'OFF') return { Mode };
  if (Mode === 'FLEXIBLE') {
    if (!(Number.isInteger(MaximumWindowInMinutes) && Number(MaximumWindowInMinutes) >= 1)) {
      throw invalid('FlexibleTimeWindow.MaximumWindowInMinutes is required with Mode FLEXIBLE.');
    }
    return { Mode, MaximumWindowInMinutes: Number(MaximumWindowInMinutes) };
  }
  throw invalid('FlexibleTimeWindow.Mode must be OFF or FLEXIBLE.');
}

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T)) throw invalid(`${field} must be one of ${allowed.join(', ')}.`);
  return value as T;
}

const key = (groupName: string, name: string) => `${groupName}/${name}`;

class LocalSchedulerStore {
  readonly failedDeliveries: FailedDelivery[] = [];
  private readonly schedules = new Map<string, StoredSchedule>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly groups: Set<string>;
  /** Wakes deliveries sleeping between retries, so stop() never leaves one behind. */
  private readonly sleepers = new Set<() => void>();
  private readonly deliveries = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: LocalSchedulerApiOptions & { clock: () => Date }) {
    this.groups = new Set([DEFAULT_GROUP, ...(options.groups ?? [LOCAL_DEBIT_SCHEDULE_GROUP])]);
  }

  create(name: string, body: Record<string, unknown>): { ScheduleArn: string } {
    if (!NAME.test(name)) throw invalid(`Name ${name} must be 1 to 64 characters of [0-9a-zA-Z-_.].`);
    const groupName = body.GroupName === undefined ? DEFAULT_GROUP : String(body.GroupName);
    if (!NAME.test(groupName))
      throw invalid(`GroupName ${groupName} must be 1 to 64 characters of [0-9a-zA-Z-_.].`);
    if (!this.groups.has(groupName)) {
      throw new SchedulerError('ResourceNotFoundException', `Schedule group ${groupName} does not exist.`);
    }
    const at = parseAt(body.ScheduleExpression, body.ScheduleExpressionTimezone);
    const flexibleTimeWindow = validateFlexibleTimeWindow(body.FlexibleTimeWindow);
    const target = validateTarget(body.Target);
    const actionAfterCompletion = oneOf(
      'ActionAfterCompletion',
      body.ActionAfterCompletion,
      ['NONE', 'DELETE'],
      'NONE',
    );
    const state = oneOf('State', body.State, ['ENABLED', 'DISABLED'], 'ENABLED');
    const now = this.options.clock();
    // AWS is reported to refuse one-off times already past; refusing here keeps callers from relying on them.
    if (at.getTime() < Math.floor(now.getTime() / 1000) * 1000) {
      throw invalid(`${String(body.ScheduleExpression)} is in the past.`);
    }
    if (this.schedules.has(key(groupName, name))) {
      throw new SchedulerError('ConflictException', `Schedule ${name} already exists.`);
    }
    const schedule: StoredSchedule = {
      name,
      groupName,
      arn: `arn:aws:scheduler:${region()}:${LOCAL_ACCOUNT_ID}:schedule/${groupName}/${name}`,
      expression: String(body.ScheduleExpression),
      at,
      ...(typeof body.Description === 'string' ? { description: body.Description } : {}),
      flexibleTimeWindow,
      target,
      actionAfterCompletion,
      state,
      createdAt: now,
      status: 'pending',
    };
    this.schedules.set(key(groupName, name), schedule);
    if (state === 'ENABLED') this.arm(schedule);
    return { ScheduleArn: schedule.arn };
  }

  get(name: string, groupName = DEFAULT_GROUP) {
    const schedule = this.find(name, groupName);
    return {
      Arn: schedule.arn,
      GroupName: schedule.groupName,
      Name: schedule.name,
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: 'UTC',
      ...(schedule.description ? { Description: schedule.description } : {}),
      State: schedule.state,
      CreationDate: epochSeconds(schedule.createdAt),
      LastModificationDate: epochSeconds(schedule.createdAt),
      Target: schedule.target,
      FlexibleTimeWindow: schedule.flexibleTimeWindow,
      ActionAfterCompletion: schedule.actionAfterCompletion,
    };
  }

  delete(name: string, groupName = DEFAULT_GROUP): Record<string, never> {
    this.find(name, groupName);
    this.forget(key(groupName, name));
    return {};
  }

  /** One page holds every match: local volumes are small. */
  list(query: URLSearchParams) {
    const group = query.get('ScheduleGroup');
    const prefix = query.get('NamePrefix') ?? '';
    const state = query.get('State');
    const matches = [...this.schedules.values()].filter(
      (s) => (!group || s.groupName === group) && s.name.startsWith(prefix) && (!state || s.state === state),
    );
    return {
      Schedules: matches.map((s) => ({
        Arn: s.arn,
        Name: s.name,
        GroupName: s.groupName,
        State: s.state,
        CreationDate: epochSeconds(s.createdAt),
        LastModificationDate: epochSeconds(s.createdAt),
        Target: { Arn: s.target.Arn },
      })),
    };
  }

  views(): LocalScheduleView[] {
    return [...this.schedules.values()].map((s) => ({
      name: s.name,
      groupName: s.groupName,
      arn: s.arn,
      expression: s.expression,
      at: s.at.toISOString(),
      targetArn: s.target.Arn,
      input: targetInput(s.target.Input),
      actionAfterCompletion: s.actionAfterCompletion,
      state: s.state,
      status: s.status,
    }));
  }

  async runDue(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.options.clock();
    const due = [...this.schedules.values()].filter(
      (s) => s.status === 'pending' && s.state === 'ENABLED' && s.at <= now,
    );
    await Promise.all(due.map((schedule) => this.run(schedule)));
    return due.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const wake of this.sleepers) wake();
    await Promise.allSettled([...this.deliveries]);
  }

  private find(name: string, groupName: string): StoredSchedule {
    const schedule = this.schedules.get(key(groupName, name));
    if (!schedule) throw new SchedulerError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
    return schedule;
  }

  private forget(scheduleKey: string) {
    clearTimeout(this.timers.get(scheduleKey));
    this.timers.delete(scheduleKey);
    this.schedules.delete(scheduleKey);
  }

  private arm(schedule: StoredSchedule): void {
    const scheduleKey = key(schedule.groupName, schedule.name);
    const wait = Math.min(schedule.at.getTime() - this.options.clock().getTime(), MAX_TIMER_MS);
    const timer = setTimeout(
      () => {
        this.timers.delete(scheduleKey);
        if (this.schedules.get(scheduleKey) !== schedule) return;
        if (this.options.clock() >= schedule.at) void this.run(schedule);
        else this.arm(schedule);
      },
      Math.max(0, wait),
    );
    timer.unref();
    this.timers.set(scheduleKey, timer);
  }

  private run(schedule: StoredSchedule): Promise<void> {
    if (schedule.status !== 'pending' || this.stopped) return Promise.resolve();
    schedule.status = 'running';
    const delivery = this.deliver(schedule).finally(() => {
      this.deliveries.delete(delivery);
      schedule.status = 'completed';
      const scheduleKey = key(schedule.groupName, schedule.name);
      if (schedule.actionAfterCompletion === 'DELETE' && this.schedules.get(scheduleKey) === schedule) {
        this.forget(scheduleKey);
      }
    });
    this.deliveries.add(delivery);
    return delivery;
  }

  private async deliver(schedule: StoredSchedule): Promise<void> {
    const { target } = schedule;
    const input = targetInput(target.Input);
    const retries = target.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_RETRY_ATTEMPTS;
    const maxAgeMs = (target.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_EVENT_AGE_SECONDS) * 1000;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.options.fire(target.Arn, input);
        return;
      } catch (error) {
        const tooOld = this.options.clock().getTime() - schedule.at.getTime() >= maxAgeMs;
        if (attempt >= retries || tooOld) {
          const failure: FailedDelivery = {
            scheduleArn: schedule.arn,
            targetArn: target.Arn,
            input,
            ...(target.DeadLetterConfig?.Arn ? { deadLetterArn: target.DeadLetterConfig.Arn } : {}),
            error: error instanceof Error ? error.message : String(error),
            failedAt: this.options.clock().toISOString(),
          };
          this.failedDeliveries.push(failure);
          this.options.onFailedDelivery?.(failure);
          return;
        }
        await this.sleep(Math.min((this.options.retryDelayMs ?? 1000) * 2 ** attempt, MAX_RETRY_DELAY_MS));
        if (this.stopped) return;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.sleepers.add(wake);
    });
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let raw = '';
  for await (const chunk of request) raw += chunk;
  if (!raw) return {};
  try {
    const body = JSON.parse(raw) as unknown;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw invalid('The request body is not a JSON object.');
  }
}

function answer(res: ServerResponse, status: number, body: unknown, errorType?: string) {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  res.end(JSON.stringify(body));
}

/** Routes one REST-JSON request: `/schedules/{Name}` (POST, GET, DELETE) and `/schedules` (GET). */
async function handle(store: LocalSchedulerStore, req: IncomingMessage): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = await readJson(req);
  const groupName = url.searchParams.get('groupName') ?? undefined;
  const one = /^\/schedules\/([^/]+)$/.exec(url.pathname);
  if (one) {
    const name = decodeURIComponent(one[1]!);
    if (req.method === 'POST') return store.create(name, body);
    if (req.method === 'GET') return store.get(name, groupName);
    if (req.method === 'DELETE') return store.delete(name, groupName);
  }
  if (url.pathname === '/schedules' && req.method === 'GET') return store.list(url.searchParams);
  return undefined;
}

/** Serves the local Scheduler API on loopback; resolves once listening. */
export async function startLocalSchedulerApi(options: LocalSchedulerApiOptions): Promise<LocalSchedulerApi> {
  const store = new LocalSchedulerStore({ ...options, clock: options.clock ?? (() => new Date()) });
  const server: Server = createServer((req, res) => {
    handle(store, req)
      .then((result) => {
        if (result === undefined) {
          const message = `${req.method} ${req.url} is not supported by the local Scheduler API.`;
          answer(res, STATUS.UnknownOperationException, { Message: message }, 'UnknownOperationException');
        } else {
          answer(res, 200, result);
        }
      })
      .catch((error: unknown) => {
        if (error instanceof SchedulerError) {
          answer(res, STATUS[error.type], { Message: error.message }, error.type);
        } else {
          answer(res, 500, { Message: String(error) }, 'InternalServerException');
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    schedules: () => store.views(),
    failedDeliveries: store.failedDeliveries,
    runDue: () => store.runDue(),
    stop: async () => {
      await store.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
